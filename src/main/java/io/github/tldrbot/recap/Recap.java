package io.github.tldrbot.recap;

import java.time.Instant;
import java.util.List;

/**
 * A computed recap: the best {@code items} of {@code [from, to)}, best first.
 *
 * @param matched articles that matched the filters before de-duplication (counted up to a cap)
 */
public record Recap(RecapRequest request, Instant from, Instant to, List<RecapItem> items, int matched) {
    public Recap {
        items = List.copyOf(items);
    }
}
