package io.github.tldrbot.discord;

import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.recap.Recap;
import io.github.tldrbot.recap.RecapItem;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.store.RecapStore;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a recap as one Discord message (SPEC §8.1): an embed titled like
 * "Weekly recap · 22–29 Nov 2026" (UTC), a numbered list "**[title](link)** — short TL;DR · sources",
 * a footer with the counts and filters, and ◀ ▶ buttons when the stories need more than one page
 * (more than {@value #PAGE_SIZE}, or more text than one description holds). Used by {@code /recap},
 * its paging buttons and scheduled recaps. No result gives a friendly text suggesting a wider period
 * or other filters. Nothing in the message can ping anyone.
 */
public final class RecapMessages {
    static final int PAGE_SIZE = 10;
    static final int TITLE_MAX = 120;
    static final int TLDR_MAX = 160;
    static final int LINK_MAX = 512;
    private static final int SOURCES_SHOWN = 3;
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final RecapService service;
    private final RecapPageIds ids;
    private final EmbedText text = new EmbedText(new TextShortener());
    private final HttpLinks links = new HttpLinks();

    public RecapMessages(RecapService service) {
        this(service, new RecapPageIds());
    }

    RecapMessages(RecapService service, RecapPageIds ids) {
        this.service = service;
        this.ids = ids;
    }

    /** The recap's first page, ready to send to a channel or as a command reply. */
    public MessageCreateData firstPage(RecapRequest request) {
        return page(request, 0);
    }

    /**
     * Page {@code page} (0-based; clamped to the last page) of the recap. {@code now} is cut to whole
     * seconds first, so the buttons (which carry seconds) re-run exactly the same window.
     */
    public MessageCreateData page(RecapRequest request, int page) {
        RecapRequest exact = new RecapRequest(request.guildId(), request.period(), request.audience(), request.topic(),
                request.feedId(), request.limit(), request.now().truncatedTo(ChronoUnit.SECONDS));
        Recap recap = service.recap(exact);
        MessageCreateBuilder message = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (recap.items().isEmpty()) {
            return message.setContent(emptyText(recap)).build();
        }
        List<List<String>> pages = paginate(recap.items());
        int shown = Math.max(0, Math.min(page, pages.size() - 1));
        message.setEmbeds(embed(recap, pages, shown));
        if (pages.size() > 1) {
            message.addComponents(ActionRow.of(
                    Button.secondary(ids.encode(exact, shown - 1), "◀ Previous").withDisabled(shown == 0),
                    Button.secondary(ids.encode(exact, shown + 1), "Next ▶").withDisabled(shown == pages.size() - 1)));
        }
        return message.build();
    }

    /**
     * The page a paging button asks for, re-computed for the guild the click came from; empty when the
     * id is malformed or names a request this process no longer remembers.
     */
    public Optional<MessageCreateData> pageFor(String customId, long guildId) {
        return ids.decode(customId, guildId).map(click -> page(click.request(), click.page()));
    }

    static String title(Recap recap) {
        ZonedDateTime from = recap.from().atZone(ZoneOffset.UTC);
        ZonedDateTime to = recap.to().atZone(ZoneOffset.UTC);
        String range;
        if (from.getYear() != to.getYear()) {
            range = DAY_MONTH_YEAR.format(from) + " – " + DAY_MONTH_YEAR.format(to);
        } else if (from.getMonth() != to.getMonth()) {
            range = DAY_MONTH.format(from) + " – " + DAY_MONTH_YEAR.format(to);
        } else {
            range = from.getDayOfMonth() + "–" + DAY_MONTH_YEAR.format(to);
        }
        return recap.request().period().adjective() + " recap · " + range;
    }

    /** Numbered lines, grouped into pages of at most {@value #PAGE_SIZE} that fit one description. */
    private List<List<String>> paginate(List<RecapItem> items) {
        List<List<String>> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < items.size(); i++) {
            String line = line(i + 1, items.get(i));
            int added = line.length() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() == PAGE_SIZE || length + added > MessageEmbed.DESCRIPTION_MAX_LENGTH)) {
                pages.add(current);
                current = new ArrayList<>();
                length = 0;
                added = line.length();
            }
            current.add(line);
            length += added;
        }
        pages.add(current);
        return pages;
    }

    /** {@code 1. **[title](link)** — TL;DR · Source A, Source B}; at most about 900 chars. */
    String line(int number, RecapItem item) {
        String title = text.line(item.title());
        title = text.escape(text.fit(title == null ? "Untitled" : title, TITLE_MAX));
        String link = links.valid(item.link());
        StringBuilder out = new StringBuilder().append(number).append(". **");
        if (link != null && link.length() <= LINK_MAX) {
            out.append('[').append(title).append("](").append(link.replace("(", "%28").replace(")", "%29")).append(')');
        } else {
            out.append(title);
        }
        out.append("**");
        String tldr = text.line(item.tldr());
        if (tldr != null) {
            out.append(" — ").append(text.escape(text.fit(tldr, TLDR_MAX)));
        }
        List<String> sources = item.sources().stream().map(s -> text.line(s)).filter(s -> s != null).toList();
        if (!sources.isEmpty()) {
            List<String> shown = sources.subList(0, Math.min(SOURCES_SHOWN, sources.size())).stream()
                    .map(s -> text.escape(text.fit(s, 40))).toList();
            // a story told by several feeds says so first (SPEC §8.1): "· 5 sources: A, B, C +2 more"
            out.append(" · ").append(sources.size() > 1 ? sources.size() + " sources: " : "").append(String.join(", ", shown));
            if (sources.size() > SOURCES_SHOWN) {
                out.append(" +").append(sources.size() - SOURCES_SHOWN).append(" more");
            }
        }
        return out.toString();
    }

    private MessageEmbed embed(Recap recap, List<List<String>> pages, int shown) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(title(recap))
                .setDescription(String.join("\n", pages.get(shown)))
                .setColor(color(recap.request().audience()))
                .setTimestamp(recap.to())
                .setFooter(text.fit(footer(recap, pages, shown), MessageEmbed.TEXT_MAX_LENGTH));
        return embed.build();
    }

    private String footer(Recap recap, List<List<String>> pages, int shown) {
        int first = 1;
        for (int p = 0; p < shown; p++) {
            first += pages.get(p).size();
        }
        int last = first + pages.get(shown).size() - 1;
        StringBuilder footer = new StringBuilder();
        if (pages.size() > 1) {
            footer.append("Page ").append(shown + 1).append('/').append(pages.size()).append(" · ");
        }
        footer.append(pages.size() > 1 ? "stories " + first + "–" + last + " of " + recap.items().size()
                        : recap.items().size() + (recap.items().size() == 1 ? " story" : " stories"))
                .append(" from ").append(articles(recap));
        String filters = filters(recap.request());
        footer.append(" · ").append(filters.isEmpty() ? "no filters" : filters);
        return footer.toString();
    }

    /** Matches are counted up to a cap (see {@link RecapStore}): at the cap, "N+". */
    private static String articles(Recap recap) {
        int matched = recap.matched();
        int cap = recap.request().topic() == null ? RecapStore.COUNT_CAP : RecapStore.CANDIDATE_CAP;
        if (matched >= cap) {
            return String.format(Locale.ENGLISH, "%,d+ articles", matched);
        }
        return String.format(Locale.ENGLISH, "%,d %s", matched, matched == 1 ? "article" : "articles");
    }

    /** "audience: Developers · topic: rust · feed: Example News" (empty when unfiltered). */
    String filters(RecapRequest request) {
        List<String> parts = new ArrayList<>();
        if (request.audience() != null) {
            parts.add("audience: " + audienceLabel(request.audience()));
        }
        if (request.topic() != null) {
            parts.add("topic: " + text.fit(text.line(request.topic()), 60));
        }
        if (request.feedId() != null) {
            parts.add("feed: " + service.feedName(request.guildId(), request.feedId()).orElse("#" + request.feedId()));
        }
        return String.join(" · ", parts);
    }

    private String audienceLabel(String id) {
        return service.audiences().stream().filter(a -> a.id().equals(id)).map(AudienceConfig::label)
                .filter(l -> l != null && !l.isBlank()).findFirst().orElse(id);
    }

    private int color(String audience) {
        if (audience != null) {
            for (AudienceConfig a : service.audiences()) {
                if (a.id().equals(audience) && a.color() != null) {
                    return a.color() & 0xFFFFFF;
                }
            }
        }
        return CardEmbeds.DEFAULT_COLOR;
    }

    private String emptyText(Recap recap) {
        RecapRequest request = recap.request();
        String filters = filters(request);
        StringBuilder out = new StringBuilder("📭 No stories ").append(periodPhrase(request))
                .append(" (").append(dateRange(recap)).append(")");
        if (!filters.isEmpty()) {
            out.append(" for ").append(text.escape(filters));
        }
        List<String> tips = new ArrayList<>();
        if (request.period() == RecapPeriod.DAY) {
            tips.add("`period:week` or `period:month`");
        } else if (request.period() == RecapPeriod.WEEK) {
            tips.add("`period:month`");
        }
        if (request.audience() != null) {
            tips.add("another audience (see `/audiences`)");
        }
        if (request.topic() != null) {
            tips.add("a broader topic");
        }
        if (request.feedId() != null) {
            tips.add("all feeds");
        }
        if (tips.isEmpty()) {
            return out.append(". The server's feeds have brought nothing in that time; `/feed status` shows their health.").toString();
        }
        out.append(". Try ").append(String.join(", ", tips.subList(0, tips.size() - 1)));
        if (tips.size() > 1) {
            out.append(" or ");
        }
        return out.append(tips.get(tips.size() - 1)).append('.').toString();
    }

    private static String periodPhrase(RecapRequest request) {
        return switch (request.period()) {
            case DAY -> "in the last day";
            case WEEK -> "in the last week";
            case MONTH -> "in the last 30 days";
        };
    }

    private static String dateRange(Recap recap) {
        String title = title(recap);
        return title.substring(title.indexOf(" · ") + 3);
    }
}
