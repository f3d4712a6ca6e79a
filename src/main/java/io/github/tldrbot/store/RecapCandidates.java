package io.github.tldrbot.store;

import java.util.List;

/**
 * The newest candidates of a recap query, newest first, and how many articles matched in all.
 *
 * @param matched     articles matching the filters, counted up to {@link RecapStore#COUNT_CAP}
 * @param matchedMore true when more than that matched (the count stopped)
 */
public record RecapCandidates(List<RecapCandidate> candidates, int matched, boolean matchedMore) {
    public RecapCandidates {
        candidates = List.copyOf(candidates);
    }
}
