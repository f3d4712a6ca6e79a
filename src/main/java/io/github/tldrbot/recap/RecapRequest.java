package io.github.tldrbot.recap;

import java.time.Instant;
import java.util.Objects;

/**
 * What a recap was asked for: a guild's articles of the {@code period} ending at {@code now},
 * optionally one audience (its id), a topic (free text) and one feed; at most {@code limit} stories.
 */
public record RecapRequest(long guildId, RecapPeriod period, String audience, String topic, Long feedId, int limit,
                           Instant now) {
    public static final int MAX_LIMIT = 25;
    public static final int DEFAULT_LIMIT = 10;

    public RecapRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        }
        audience = audience == null || audience.isBlank() ? null : audience.trim();
        topic = topic == null || topic.isBlank() ? null : topic.trim();
    }

    /** Start of the period (inclusive). */
    public Instant from() {
        return now.minus(period.length());
    }
}
