package io.github.tldrbot.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before retrying a delivery after a temporary failure: {@code minBackoff × 2^(attempts-1)},
 * capped at {@code maxBackoff}, plus up to 20% jitter so channels that failed together (a Discord
 * outage) do not retry in lockstep; never sooner than the service's own {@code retryAfter} hint, so
 * the bot does not provoke repeated 429s (SPEC §6.3).
 */
final class RetryBackoff {
    private static final double JITTER = 0.20;

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;

    RetryBackoff(Duration min, Duration max, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** @param attempts sends made so far (1 after the first failure) */
    Duration delay(int attempts, Duration retryAfter) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        long minMillis = Math.max(1, min.toMillis());
        long maxMillis = Math.max(minMillis, max.toMillis());
        long base = minMillis > (maxMillis >> exponent) ? maxMillis : minMillis << exponent;
        long jittered = base + (long) (base * JITTER * random.nextDouble());
        long delay = Math.min(jittered, maxMillis);
        if (retryAfter != null && retryAfter.toMillis() > delay) {
            delay = retryAfter.toMillis();
        }
        return Duration.ofMillis(delay);
    }
}
