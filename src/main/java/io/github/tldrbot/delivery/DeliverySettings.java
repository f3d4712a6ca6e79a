package io.github.tldrbot.delivery;

import java.time.Duration;

/**
 * Tuning of the {@link DeliveryWorker}; {@link #defaults()} is what production uses, tests shrink
 * the times.
 *
 * @param lanes        threads sending at once, each to a different channel
 * @param pollEvery    how often the outbox table is scanned without a wake-up (restarts, retries)
 * @param nonceWindow  how long the service deduplicates a repeated nonce; a crashed send younger
 *                     than this is simply repeated, an older one is first looked up in the channel
 * @param minBackoff   first retry delay after a temporary failure, doubled per attempt
 * @param maxBackoff   cap of the retry delay
 * @param maxAttempts  sends after which a delivery that keeps failing temporarily is marked failed
 * @param laneBatch    sends a lane makes before giving its thread back to other channels
 * @param closeTimeout how long {@link DeliveryWorker#close()} lets in-flight sends finish
 * @param probeEvery   how often a paused subscription with pending cards tries again (it resumes
 *                     by itself once the bot may post there)
 */
public record DeliverySettings(
        int lanes,
        Duration pollEvery,
        Duration nonceWindow,
        Duration minBackoff,
        Duration maxBackoff,
        int maxAttempts,
        int laneBatch,
        Duration closeTimeout,
        Duration probeEvery) {

    public DeliverySettings {
        if (lanes < 1 || maxAttempts < 1 || laneBatch < 1) {
            throw new IllegalArgumentException("delivery: lanes, maxAttempts and laneBatch must be at least 1");
        }
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(8, Duration.ofSeconds(2), Duration.ofMinutes(4), Duration.ofSeconds(5),
                Duration.ofHours(1), 12, 20, Duration.ofSeconds(10), Duration.ofMinutes(15));
    }
}
