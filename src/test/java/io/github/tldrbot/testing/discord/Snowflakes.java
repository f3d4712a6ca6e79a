package io.github.tldrbot.testing.discord;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues Discord-style snowflakes made from the current time, so JDA's time-based logic (message
 * creation time, the 15-minute interaction token expiry) sees realistic values. Strictly increasing.
 */
final class Snowflakes {
    /** Discord epoch (2015-01-01T00:00:00Z) in epoch millis. */
    static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final AtomicLong last = new AtomicLong();

    long next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return last.updateAndGet(prev -> Math.max(prev + 1, candidate));
    }
}
