package io.github.tldrbot.recap;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The documented recap score (SPEC §8.1; also in docs/commands.md):
 *
 * <pre>
 * score = recency + sources + audience + tldr
 *   recency  = 1 − age / period length, clamped to [0, 1]   (age = end of period − story's first sighting)
 *   sources  = 0.75 × log2(distinct feeds carrying the story)   (1 feed: 0, 2: 0.75, 4: 1.5)
 *   audience = 0.5 / (1 + rank of the asked audience on the story's best card)
 *              (first: 0.5, second: 0.25, third: 0.17; 0 without an audience filter)
 *   tldr     = 0.1 when the story has a TL;DR
 * </pre>
 *
 * Recency decays linearly over the period: in a weekly recap a second source is worth about five
 * days of freshness and the asked audience in first place about three and a half. Ties go
 * to the newer story, then the title (case-insensitively), then the link, so the order never
 * depends on the database's row order.
 */
final class RecapRanker {
    static final double SOURCE_WEIGHT = 0.75;
    static final double AUDIENCE_WEIGHT = 0.5;
    static final double TLDR_BONUS = 0.1;

    static final Comparator<RecapItem> ORDER = Comparator.comparingDouble(RecapItem::score).reversed()
            .thenComparing(RecapItem::firstSeen, Comparator.reverseOrder())
            .thenComparing(i -> i.title() == null ? "" : i.title(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(i -> i.link() == null ? "" : i.link());

    double score(Story story, String audience, Instant to, Duration period) {
        double age = Duration.between(story.firstSeen(), to).toMillis();
        double recency = Math.max(0, Math.min(1, 1 - age / period.toMillis()));
        double sources = SOURCE_WEIGHT * (Math.log(story.feedCount()) / Math.log(2));
        double audienceMatch = 0;
        if (audience != null) {
            int rank = story.audienceRank(audience);
            audienceMatch = rank < 0 ? 0 : AUDIENCE_WEIGHT / (1 + rank);
        }
        String tldr = story.lead().tldr();
        double complete = tldr != null && !tldr.isBlank() ? TLDR_BONUS : 0;
        return recency + sources + audienceMatch + complete;
    }
}
