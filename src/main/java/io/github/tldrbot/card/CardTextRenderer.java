package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * Renders a card as a plain-text block for the terminal ({@code preview} and preview mode, SPEC §2):
 * title, link, source line, the hook ("💡 …"), TL;DR, then the fields under their headings in the
 * order of the Discord embed (SPEC §5.4), the model-only sections and the timeline, then "Summarized
 * by" with, when the article was seen more than an hour after it was published, how late. Empty fields, and lines whose value is missing, are left out. Lines end with {@code \n};
 * the block ends with one. Stateless and thread-safe.
 */
public final class CardTextRenderer {

    public String render(FeedInfo feed, Article article, Card card) {
        return render(feed, article, card, null);
    }

    /** @param firstSeen when the bot first saw the article (null: unknown, no "collected" note) */
    public String render(FeedInfo feed, Article article, Card card, Instant firstSeen) {
        StringBuilder out = new StringBuilder();
        line(out, "", article == null ? null : article.title());
        line(out, "", article == null ? null : article.link());
        line(out, "Source: ", source(feed, article));
        if (card != null) {
            line(out, "💡 ", card.hook());
            line(out, "TL;DR: ", card.tldr());
            line(out, "What changed: ", card.whatChanged());
            line(out, "Why it matters: ", card.whyItMatters());
            line(out, "What to do next: ", card.whatToDoNext());
            if (!card.whoShouldCare().isEmpty()) {
                line(out, "Who should care: ", card.whoShouldCare().stream()
                        .map(AudienceRef::label).collect(Collectors.joining(", ")));
            }
            if (!card.keyTakeaways().isEmpty()) {
                out.append("Key takeaways:\n");
                card.keyTakeaways().forEach(t -> line(out, "  • ", t));
            }
            line(out, "Deep insight: ", card.deepInsight());
            line(out, "Technical deep dive: ", card.technicalDeepDive());
            line(out, "Future implications: ", card.futureImplications());
            if (!card.timeline().isEmpty()) {
                out.append("Timeline:\n");
                for (TimelineEntry e : card.timeline()) {
                    line(out, "  " + e.date() + " — ", e.link() == null ? e.text() : e.text() + " (" + e.link() + ")");
                }
            }
            line(out, "Summarized by: ", footer(article, card, firstSeen));
        }
        return out.toString();
    }

    /** Summarizer and lateness; the publisher is on the "Source:" line already. */
    private static String footer(Article article, Card card, Instant firstSeen) {
        StringBuilder s = new StringBuilder(card.summarizer() == null ? "" : card.summarizer());
        CollectionDelay.of(article == null ? null : article.published(), firstSeen)
                .ifPresent(d -> s.append(s.length() > 0 ? " · " : "").append(CollectionDelay.describe(d)));
        return s.toString();
    }

    private static String source(FeedInfo feed, Article article) {
        StringBuilder s = new StringBuilder();
        if (feed != null && feed.title() != null && !feed.title().isBlank()) {
            s.append(feed.title().strip());
        }
        String host = host(article != null && article.link() != null ? article.link() : feed == null ? null : feed.link());
        if (host != null) {
            s.append(s.length() > 0 ? " (" + host + ")" : host);
        }
        if (article != null && (article.published() != null || article.updated() != null)) {
            var when = article.published() != null ? article.published() : article.updated();
            s.append(s.length() > 0 ? " · " : "")
                    .append(DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.SECONDS)));
        }
        return s.toString();
    }

    private static String host(String link) {
        return SourceAttribution.host(link);
    }

    private static void line(StringBuilder out, String heading, String value) {
        if (value != null && !value.isBlank()) {
            out.append(heading).append(value.strip()).append('\n');
        }
    }
}
