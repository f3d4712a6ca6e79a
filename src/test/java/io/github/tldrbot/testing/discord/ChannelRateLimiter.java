package io.github.tldrbot.testing.discord;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Discord's per-channel limit on creating messages, as a fixed window per channel: the first
 * request opens a window of {@code window}; at most {@code limit} requests pass in it. Gives the
 * figures for the {@code X-RateLimit-*} headers and counts the 429s per channel. Thread-safe.
 */
final class ChannelRateLimiter {
    /** Outcome of one request against the limit. */
    record Decision(boolean allowed, int limit, int remaining, long resetAfterMillis, long resetEpochMillis) {
    }

    private final int limit;
    private final long windowMillis;
    private final Map<Long, long[]> windows = new HashMap<>(); // channel -> {windowStart, used}
    private final Map<Long, Integer> rejected = new HashMap<>();

    ChannelRateLimiter(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs limit >= 1 and a positive window");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    synchronized Decision acquire(long channelId) {
        long now = System.currentTimeMillis();
        long[] w = windows.get(channelId);
        if (w == null || now >= w[0] + windowMillis) {
            w = new long[] {now, 0};
            windows.put(channelId, w);
        }
        long reset = w[0] + windowMillis;
        if (w[1] >= limit) {
            rejected.merge(channelId, 1, Integer::sum);
            return new Decision(false, limit, 0, reset - now, reset);
        }
        w[1]++;
        return new Decision(true, limit, (int) (limit - w[1]), reset - now, reset);
    }

    /** Records a 429 that a fault produced, so {@link #rejections} counts every 429 sent. */
    synchronized void countRejection(long channelId) {
        rejected.merge(channelId, 1, Integer::sum);
    }

    synchronized int rejections(long channelId) {
        return rejected.getOrDefault(channelId, 0);
    }

    synchronized void reset() {
        windows.clear();
        rejected.clear();
    }
}
