package io.github.tldrbot.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {
    static final Duration MIN = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofHours(1);

    @ParameterizedTest(name = "attempts={0} retryAfter={1}s random={2} -> {3}ms")
    @CsvSource(textBlock = """
            1,  0,   0.0, 5000
            2,  0,   0.0, 10000
            3,  0,   0.0, 20000
            3,  0,   0.5, 22000
            3,  0,   0.99, 23960
            12, 0,   0.0, 3600000
            12, 0,   0.99, 3600000
            40, 0,   0.5, 3600000
            1,  30,  0.0, 30000
            3,  7,   0.0, 20000
            12, 7200, 0.0, 7200000
            """)
    void doublesFromTheMinimumWithJitterCapsAtTheMaximumAndHonoursRetryAfter(int attempts, long retryAfterSeconds,
                                                                          double random, long expectedMillis) {
        RetryBackoff backoff = new RetryBackoff(MIN, MAX, new FixedRandom(random));
        Duration retryAfter = retryAfterSeconds == 0 ? null : Duration.ofSeconds(retryAfterSeconds);

        assertThat(backoff.delay(attempts, retryAfter)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    /** nextDouble() returns a fixed value; nothing else is used. */
    record FixedRandom(double value) implements java.util.random.RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
