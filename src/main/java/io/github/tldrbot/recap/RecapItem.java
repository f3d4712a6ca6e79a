package io.github.tldrbot.recap;

import java.time.Instant;
import java.util.List;

/**
 * One story of a recap: possibly the same news from several feeds, merged.
 *
 * @param sources   the feeds that carried it (titles), first one first
 * @param firstSeen when the earliest of them was first seen
 * @param score     the ranking score (see {@link RecapRanker})
 */
public record RecapItem(String title, String link, String tldr, List<String> sources, Instant firstSeen, double score) {
    public RecapItem {
        sources = List.copyOf(sources);
    }
}
