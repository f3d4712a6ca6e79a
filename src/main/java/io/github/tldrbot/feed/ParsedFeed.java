package io.github.tldrbot.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed document: the feed facts and its articles in document order.
 *
 * @param articles the entries normalised into articles, in document order: all of them, unless the
 *                 parse was told which entries the caller holds ({@link KnownEntries})
 * @param known    the entries left out of {@code articles} because the caller holds them
 */
public record ParsedFeed(FeedInfo feed, List<Article> articles, List<KnownEntry> known) {
    public ParsedFeed {
        articles = List.copyOf(articles);
        known = List.copyOf(known);
    }

    /** A document whose every entry is an article. */
    public ParsedFeed(FeedInfo feed, List<Article> articles) {
        this(feed, articles, List.of());
    }

    /** The date (published, else updated) of every entry that has one, known entries included. */
    public List<Instant> entryDates() {
        List<Instant> dates = new ArrayList<>(articles.size() + known.size());
        for (Article a : articles) {
            addDate(dates, a.published(), a.updated());
        }
        for (KnownEntry k : known) {
            addDate(dates, k.published(), k.updated());
        }
        return dates;
    }

    private static void addDate(List<Instant> dates, Instant published, Instant updated) {
        Instant when = published != null ? published : updated;
        if (when != null) {
            dates.add(when);
        }
    }
}
