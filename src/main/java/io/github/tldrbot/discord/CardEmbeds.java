package io.github.tldrbot.discord;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * timeline go before all of these). The title is never dropped. The list fields are rendered by
 * {@link ListFields}, the footer by {@link EmbedFooter}, the trimming done by {@link EmbedSection}.
 * Thread-safe.
 */
public final class CardEmbeds {

    /** Embed colour when no audience on the card has one (Discord's neutral grey). */
    public static final int DEFAULT_COLOR = 0x99AAB5;
    static final String UNTITLED = "Untitled";
    static final int LABEL_MAX = 64;
    static final int MIN_FIELD = 40;
    /** Between the parts of the footer and between audience labels. */
    static final String SEPARATOR = " · ";
    private static final int FALLBACK_TITLE_MAX = 80;
    private static final String HOOK_MARK = "💡 ";
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Map<String, Integer> colors = new HashMap<>();
    private final RoleMentions mentions;
    private final HttpLinks links = new HttpLinks();
    private final EmbedText text = new EmbedText(new TextShortener());
    private final ListFields lists = new ListFields(text, links);
    private final EmbedFooter footers = new EmbedFooter(text);

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
        String footer = footers.render(card, message, articleLink);
        int fixed = title.length() + (author == null ? 0 : author.length()) + footer.length();

        String hook = card == null ? null : text.line(card.hook());
        List<EmbedSection> sections = sections(card, hook, tldr, links.valid(message.recapLink()));
        List<String> sources = lists.sourceLines(message.sources());
        if (sources.size() > 1) {
            // after the takeaways whose [n] point at them; kept longer than the model sections when trimming
            sections.add(new EmbedSection(sources.size() + " sources", -1, max -> ListFields.lines(sources, max),
                    MessageEmbed.VALUE_MAX_LENGTH));
        }
        List<String> related = lists.relatedLines(message.related());
        if (!related.isEmpty()) {
            // the first to go when the card is too long: the reader has the story itself already
            sections.add(new EmbedSection("Related", -6, max -> ListFields.lines(related, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        EmbedSection.fitTotal(sections, fixed);

        embed.setTitle(title, articleLink);
        if (author != null) {
            embed.setAuthor(author, links.valid(message.feedSiteLink()));
        }
        for (EmbedSection section : sections) {
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

    /** The description and the fields in display order, each at its own Discord limit. */
    private List<EmbedSection> sections(Card card, String hook, String tldr, String recapLink) {
        List<EmbedSection> sections = new ArrayList<>();
        String escapedTldr = text.escape(tldr);
        String description = hook == null ? escapedTldr
                : escapedTldr == null ? HOOK_MARK + text.escape(hook) : HOOK_MARK + text.escape(hook) + "\n\n" + escapedTldr;
        sections.add(new EmbedSection(null, 5, max -> text.fit(description, max), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        if (card == null) {
            return sections;
        }
        addField(sections, "What changed", 4, text.escape(text.paragraph(card.whatChanged())));
        addField(sections, "Why it matters", 3, text.escape(text.paragraph(card.whyItMatters())));
        addField(sections, "What to do next", 2, text.escape(text.paragraph(card.whatToDoNext())));
        addField(sections, "Who should care", 1, text.escape(lists.audienceLabels(card.whoShouldCare())));
        List<String> takeaways = lists.takeaways(card.keyTakeaways());
        if (!takeaways.isEmpty()) {
            sections.add(new EmbedSection("Key takeaways", 0, max -> lists.bullets(takeaways, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        // below the seed's top half: trimmed first when the embed is too long (negative trim orders)
        addField(sections, "Deep insight", -2, text.escape(text.paragraph(card.deepInsight())));
        addField(sections, "Technical deep dive", -3, text.escape(text.paragraph(card.technicalDeepDive())));
        addField(sections, "Future implications", -4, text.escape(text.paragraph(card.futureImplications())));
        List<String> events = lists.timelineLines(card.timeline());
        if (!events.isEmpty()) {
            sections.add(new EmbedSection("Timeline", -1, max -> ListFields.lines(events, max), MessageEmbed.VALUE_MAX_LENGTH));
        }
        if (recapLink != null) {
            sections.add(new EmbedSection("This week's recap", -5, max -> text.fit("[Latest weekly recap](" + recapLink + ")", max),
                    MessageEmbed.VALUE_MAX_LENGTH));
        }
        return sections;
    }

    private void addField(List<EmbedSection> sections, String name, int trimOrder, String value) {
        if (value != null) {
            sections.add(new EmbedSection(name, trimOrder, max -> text.fit(value, max), MessageEmbed.VALUE_MAX_LENGTH));
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


}
