package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * Renders a card as a plain-text block for the terminal ({@code preview} and preview mode, SPEC §2):
 * title, link, source line, TL;DR, then the fields under their headings in the order of the Discord
 * embed (SPEC §5.4), then "Summarized by". Empty fields, and lines whose value is missing, are
 * left out. Lines end with {@code \n}; the block ends with one. Stateless and thread-safe.
 */
public final class CardTextRenderer {

    public String render(FeedInfo feed, Article article, Card card) {
        StringBuilder out = new StringBuilder();
        line(out, "", article == null ? null : article.title());
        line(out, "", article == null ? null : article.link());
        line(out, "Source: ", source(feed, article));
        if (card != null) {
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
            line(out, "Summarized by: ", card.summarizer());
        }
        return out.toString();
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
        if (link == null) {
            return null;
        }
        try {
            String host = URI.create(link.strip()).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void line(StringBuilder out, String heading, String value) {
        if (value != null && !value.isBlank()) {
            out.append(heading).append(value.strip()).append('\n');
        }
    }
}
