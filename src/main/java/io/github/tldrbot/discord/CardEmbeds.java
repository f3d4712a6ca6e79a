package io.github.tldrbot.discord;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CollectionDelay;
import io.github.tldrbot.card.SourceAttribution;
import io.github.tldrbot.card.RelatedUpdate;
import io.github.tldrbot.card.StorySource;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders one card as one Discord embed (SPEC §5.4).
 *
 * <p>Layout: author = feed title (else the site's host) linking the feed's site; title = article
 * title (else the first words of the TL;DR, else {@value #UNTITLED}) linking the article;
 * description = the hook ("💡 …", when the card has one) above the TL;DR; fields What changed · Why
 * it matters · What to do next · Who should care · Key takeaways, then the model-only Deep insight ·
 * Technical deep dive · Future implications, Timeline ({@code YYYY-MM-DD — event}, linked when the
 * event has a link) and the guild's latest weekly recap, each left out when empty; the article image
 * as the large image (not a thumbnail: news images are made to be seen, and a thumbnail squeezes the
 * text); footer = summarizer label · "Read original on &lt;publisher&gt;" · "collected N h after
 * publication" when the bot saw the article over an hour late; timestamp = published, else first
 * seen; colour = that of the first audience on the card that has one configured, else
 * {@link #DEFAULT_COLOR}.
 *
 * <p>Discord's limits hold by construction, so JDA's {@link EmbedBuilder} never throws: every link
 * is checked by {@link HttpLinks} and dropped when unusable; every text is capped to its own limit
 * by {@link EmbedText} (word boundary, {@code …}, grapheme-safe). The fixed parts are small — title
 * ≤ 256, author ≤ 256, footer ≤ {@value #LABEL_MAX} + 3 + 253 (a DNS name; longer hosts are left out), field names &lt; 80 — so
 * at most ~850 chars, which leaves room for the whole 4096-char description. When the total would
 * pass 6000 the sections are trimmed in this order until it fits: Key takeaways, Who should care,
 * What to do next, Why it matters, What changed, and only then the description; a field that would
 * keep fewer than {@value #MIN_FIELD} chars is dropped instead (the recap link, model sections and
 * timeline go before all of these). The title is never dropped.
 * Thread-safe.
 */
public final class CardEmbeds {

    /** Embed colour when no audience on the card has one (Discord's neutral grey). */
    public static final int DEFAULT_COLOR = 0x99AAB5;
    static final String UNTITLED = "Untitled";
    static final int LABEL_MAX = 64;
    static final int MIN_FIELD = 40;
    private static final int FALLBACK_TITLE_MAX = 80;
    private static final String BULLET = "• ";
    /** Input beyond this many chars of a list field can never be shown; it is not even prepared. */
    private static final int ENOUGH = 2 * MessageEmbed.VALUE_MAX_LENGTH;
    private static final String SEPARATOR = " · ";
    private static final String HOOK_MARK = "💡 ";
    private static final int PUBLISHER_MAX = 80;
    private static final int TIMELINE_EVENT_MAX = 120;
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Map<String, Integer> colors = new HashMap<>();
    private final RoleMentions mentions;
    private final HttpLinks links = new HttpLinks();
    private final EmbedText text = new EmbedText(new TextShortener());

    /** @param audiences the configured audiences; their colours colour the embeds */
    public CardEmbeds(List<AudienceConfig> audiences) {
        this(audiences, new RoleMentions());
    }

    public CardEmbeds(List<AudienceConfig> audiences, RoleMentions mentions) {
        for (AudienceConfig audience : audiences == null ? List.<AudienceConfig>of() : audiences) {
            if (audience != null && audience.id() != null && audience.color() != null) {
                colors.putIfAbsent(audience.id(), audience.color() & 0xFFFFFF);
            }
        }
        this.mentions = mentions;
    }

    /** The whole message: the card's embed, role mentions as content, pings limited to those roles. */
    public MessageCreateData build(OutgoingMessage message) {
        MessageCreateBuilder builder = new MessageCreateBuilder().setEmbeds(render(message));
        return mentions.apply(builder, message.roleIds()).build();
    }

    /** The card's embed; always sendable, whatever the message holds. */
    public MessageEmbed render(OutgoingMessage message) {
        Article article = message.article();
        Card card = message.card();
        String tldr = card == null ? null : text.paragraph(card.tldr());

        EmbedBuilder embed = new EmbedBuilder();
        String articleLink = article == null ? null : links.valid(article.link());
        String title = title(article, tldr);
        String author = author(message);
        String footer = footer(card, message, articleLink);
        int fixed = title.length() + (author == null ? 0 : author.length()) + footer.length();

        String hook = card == null ? null : text.line(card.hook());
        List<Section> sections = sections(card, hook, tldr, links.valid(message.recapLink()));
        List<String> sources = sourceLines(message.sources());
        if (sources.size() > 1) {
            // after the takeaways whose [n] point at them; kept longer than the model sections when trimming
            sections.add(new Section(sources.size() + " sources", -1, max -> lines(sources, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        List<String> related = relatedLines(message.related());
        if (!related.isEmpty()) {
            // the first to go when the card is too long: the reader has the story itself already
            sections.add(new Section("Related", -6, max -> lines(related, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        fitTotal(sections, fixed);

        embed.setTitle(title, articleLink);
        if (author != null) {
            embed.setAuthor(author, links.valid(message.feedSiteLink()));
        }
        for (Section section : sections) {
            if (section.isField() && section.value != null) {
                embed.addField(section.name, section.value, false);
            } else if (!section.isField()) {
                embed.setDescription(section.value);
            }
        }
        embed.setImage(article == null ? null : links.valid(article.image()));
        embed.setFooter(footer);
        embed.setTimestamp(timestamp(article, message.firstSeen()));
        embed.setColor(color(card));
        return embed.build();
    }

    private String title(Article article, String tldr) {
        String raw = article == null ? null : text.line(article.title());
        if (raw == null && tldr != null) {
            raw = text.fit(text.line(tldr), FALLBACK_TITLE_MAX);
        }
        String escaped = text.escape(raw == null ? UNTITLED : raw);
        return text.fit(escaped, MessageEmbed.TITLE_MAX_LENGTH);
    }

    /** Author names are shown as typed (no markdown), so they are cleaned and capped, not escaped. */
    private String author(OutgoingMessage message) {
        String name = text.line(message.feedTitle());
        if (name == null) {
            name = links.host(message.feedSiteLink());
        }
        return name == null ? null : text.fit(name, MessageEmbed.AUTHOR_MAX_LENGTH);
    }

    private String footer(Card card, OutgoingMessage message, String articleLink) {
        StringBuilder footer = new StringBuilder(text.fit(summarizerLabel(card == null ? null : card.summarizer()), LABEL_MAX));
        String publisher = text.line(SourceAttribution.publisher(message.feedTitle(), articleLink, message.feedSiteLink()));
        if (publisher != null) {
            footer.append(SEPARATOR).append("Read original on ").append(text.fit(publisher, PUBLISHER_MAX));
        }
        Article article = message.article();
        CollectionDelay.of(article == null ? null : article.published(), message.firstSeen())
                .ifPresent(delay -> footer.append(SEPARATOR).append(CollectionDelay.describe(delay)));
        return text.fit(footer.toString(), MessageEmbed.TEXT_MAX_LENGTH);
    }

    /** {@code extractive} → "extractive summary", {@code openai:<model>} → "AI summary (<model>)". */
    private String summarizerLabel(String summarizer) {
        String s = text.line(summarizer);
        if (s == null) {
            return "summary";
        }
        if (s.equalsIgnoreCase("extractive")) {
            return "extractive summary";
        }
        if (s.regionMatches(true, 0, "openai:", 0, 7)) {
            String model = s.substring(7).strip();
            return model.isEmpty() ? "AI summary" : "AI summary (" + model + ")";
        }
        return s;
    }

    /** The description and the fields in display order, each at its own Discord limit. */
    private List<Section> sections(Card card, String hook, String tldr, String recapLink) {
        List<Section> sections = new ArrayList<>();
        String escapedTldr = text.escape(tldr);
        String description = hook == null ? escapedTldr
                : escapedTldr == null ? HOOK_MARK + text.escape(hook) : HOOK_MARK + text.escape(hook) + "\n\n" + escapedTldr;
        sections.add(new Section(null, 5, max -> text.fit(description, max), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        if (card == null) {
            return sections;
        }
        addField(sections, "What changed", 4, text.escape(text.paragraph(card.whatChanged())));
        addField(sections, "Why it matters", 3, text.escape(text.paragraph(card.whyItMatters())));
        addField(sections, "What to do next", 2, text.escape(text.paragraph(card.whatToDoNext())));
        addField(sections, "Who should care", 1, text.escape(audienceLabels(card.whoShouldCare())));
        List<String> takeaways = new ArrayList<>();
        int collected = 0;
        for (String takeaway : card.keyTakeaways()) {
            String line = text.escape(text.line(takeaway));
            if (line != null) {
                takeaways.add(line);
                collected += line.length() + BULLET.length() + 1;
            }
            if (collected > ENOUGH) {
                break; // the rest could never be shown; what was collected already overflows the field
            }
        }
        if (!takeaways.isEmpty()) {
            sections.add(new Section("Key takeaways", 0, max -> bullets(takeaways, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        // below the seed's top half: trimmed first when the embed is too long (negative trim orders)
        addField(sections, "Deep insight", -2, text.escape(text.paragraph(card.deepInsight())));
        addField(sections, "Technical deep dive", -3, text.escape(text.paragraph(card.technicalDeepDive())));
        addField(sections, "Future implications", -4, text.escape(text.paragraph(card.futureImplications())));
        List<String> events = timelineLines(card.timeline());
        if (!events.isEmpty()) {
            sections.add(new Section("Timeline", -1, max -> lines(events, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        if (recapLink != null) {
            sections.add(new Section("This week's recap", -5, max -> text.fit("[Latest weekly recap](" + recapLink + ")", max),
                    MessageEmbed.VALUE_MAX_LENGTH));
        }
        return sections;
    }

    /** "[1] publisher — title", linked to the article when it has a usable link. */
    private List<String> sourceLines(List<StorySource> sources) {
        List<String> lines = new ArrayList<>();
        for (StorySource source : sources) {
            String name = text.line(source.publisher());
            String title = text.line(source.title());
            String label = text.escape(text.fit(name == null ? (title == null ? "source" : title)
                    : title == null ? name : name + " — " + title, TIMELINE_EVENT_MAX));
            String link = links.valid(source.link());
            lines.add("[" + source.n() + "] " + (link == null ? label : "[" + label + "](" + link + ")"));
        }
        return lines;
    }

    /** "title", linked when it has a usable link. */
    private List<String> relatedLines(List<RelatedUpdate> related) {
        List<String> lines = new ArrayList<>();
        for (RelatedUpdate update : related) {
            String title = text.line(update.title());
            if (title != null) {
                String escaped = text.escape(text.fit(title, TIMELINE_EVENT_MAX));
                String link = links.valid(update.link());
                lines.add("• " + (link == null ? escaped : "[" + escaped + "](" + link + ")"));
            }
        }
        return lines;
    }

    /** "YYYY-MM-DD — event", the event linked when it has a usable link. */
    private List<String> timelineLines(List<TimelineEntry> timeline) {
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            String event = text.line(entry.text());
            if (event == null) {
                continue;
            }
            String escaped = text.escape(text.fit(event, TIMELINE_EVENT_MAX));
            String link = links.valid(entry.link());
            lines.add(entry.date() + " — " + (link == null ? escaped : "[" + escaped + "](" + link + ")"));
        }
        return lines;
    }

    /** Whole lines while they fit in {@code max}; never a line cut in the middle of its link. */
    private static String lines(List<String> lines, int max) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            int extra = (out.length() == 0 ? 0 : 1) + line.length();
            if (out.length() + extra > max) {
                break;
            }
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        return out.length() == 0 ? null : out.toString();
    }

    private void addField(List<Section> sections, String name, int trimOrder, String value) {
        if (value != null) {
            sections.add(new Section(name, trimOrder, max -> text.fit(value, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
    }

    private String audienceLabels(List<AudienceRef> audiences) {
        List<String> labels = new ArrayList<>();
        int joined = 0;
        for (AudienceRef audience : audiences) {
            String label = audience == null ? null : text.line(audience.label());
            if (label == null && audience != null) {
                label = text.line(audience.id());
            }
            if (label != null) {
                labels.add(label);
                joined += label.length() + SEPARATOR.length();
            }
            if (joined > ENOUGH) {
                break; // already more than the field can show, and it will be cut with "…"
            }
        }
        return labels.isEmpty() ? null : String.join(SEPARATOR, labels);
    }

    /**
     * One "• …" line per takeaway while they fit in {@code max}; the first that does not fit is
     * shortened into the room left, or, when too little is left, replaced by a final "…" line.
     */
    private String bullets(List<String> takeaways, int max) {
        List<String> lines = new ArrayList<>();
        int length = 0;
        boolean cut = false;
        for (String takeaway : takeaways) {
            int separator = lines.isEmpty() ? 0 : 1;
            String line = BULLET + takeaway;
            if (length + separator + line.length() <= max) {
                lines.add(line);
                length += separator + line.length();
                continue;
            }
            int room = max - length - separator - BULLET.length();
            if (room >= MIN_FIELD / 2) {
                lines.add(BULLET + text.fit(takeaway, room));
            } else {
                cut = true;
            }
            break;
        }
        if (cut) {
            while (!lines.isEmpty() && String.join("\n", lines).length() + 2 > max) {
                lines.remove(lines.size() - 1);
            }
            lines.add(TextShortener.ELLIPSIS);
        }
        String value = String.join("\n", lines);
        return value.length() <= max ? value : text.fit(value, max);
    }

    /** Trims sections in their trim order until the embed's total length is at most 6000. */
    private static void fitTotal(List<Section> sections, int fixed) {
        List<Section> byTrimOrder = new ArrayList<>(sections);
        byTrimOrder.sort((a, b) -> Integer.compare(a.trimOrder, b.trimOrder));
        int over = fixed - MessageEmbed.EMBED_MAX_LENGTH_BOT;
        for (Section section : sections) {
            over += section.length();
        }
        for (Section section : byTrimOrder) {
            if (over <= 0) {
                return;
            }
            int before = section.length();
            int target = section.valueLength() - over;
            if (section.isField() && target < MIN_FIELD || target < 2) {
                section.value = null;
            } else {
                section.value = section.renderer.apply(target);
            }
            over -= before - section.length();
        }
    }

    private static Instant timestamp(Article article, Instant firstSeen) {
        Instant published = article == null ? null : article.published();
        Instant when = published != null && inRange(published) ? published : firstSeen;
        return when != null && inRange(when) ? when : null;
    }

    private static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private int color(Card card) {
        if (card != null) {
            for (AudienceRef audience : card.whoShouldCare()) {
                Integer color = audience == null ? null : colors.get(audience.id());
                if (color != null) {
                    return color;
                }
            }
        }
        return DEFAULT_COLOR;
    }

    /** The description (no name) or one field, rendered at a length cap. */
    private static final class Section {
        final String name;
        final int trimOrder;
        final IntFunction<String> renderer;
        String value;

        Section(String name, int trimOrder, IntFunction<String> renderer, int limit) {
            this.name = name;
            this.trimOrder = trimOrder;
            this.renderer = renderer;
            this.value = renderer.apply(limit);
        }

        boolean isField() {
            return name != null;
        }

        int valueLength() {
            return value == null ? 0 : value.length();
        }

        /** What this section adds to the embed's total: name and value, or nothing once dropped. */
        int length() {
            return value == null ? 0 : valueLength() + (name == null ? 0 : name.length());
        }
    }
}
