package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code feeds}: where a feed is, what the last poll learnt and when the next one is due.
 *
 * @param siteLink     the feed's website link (for the card author line), or null before the first poll
 * @param seeded       true once a poll succeeded: the first success stores articles without posting them
 * @param pollInterval the current adaptive interval between successful polls
 * @param leaseUntil   while in the future, a dispatcher owns this feed and nobody else polls it
 */
public record FeedRecord(
        long id,
        String url,
        String title,
        String siteLink,
        Validators validators,
        FeedStatus status,
        String disabledReason,
        int consecutiveFailures,
        String lastError,
        Instant failingSince,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        Instant leaseUntil,
        boolean seeded,
        Duration pollInterval,
        Instant createdAt) {
}
