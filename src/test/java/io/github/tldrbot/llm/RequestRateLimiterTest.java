package io.github.tldrbot.llm;

import io.github.tldrbot.poll.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    void spacesPermitsSixtySecondsDividedByTheRate() throws Exception {
        RequestRateLimiter limiter = new RequestRateLimiter(30, clock, sleeps::add); // one every 2 s

        assertThat(limiter.acquire(Duration.ofSeconds(10))).isTrue();
        assertThat(limiter.acquire(Duration.ofSeconds(10))).isTrue();
        assertThat(limiter.acquire(Duration.ofSeconds(10))).isTrue();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void refusesWithoutReservingWhenTheNextSlotIsBeyondTheMaxWait() throws Exception {
        RequestRateLimiter limiter = new RequestRateLimiter(6, clock, sleeps::add); // one every 10 s

        assertThat(limiter.acquire(Duration.ofSeconds(5))).isTrue();
        assertThat(limiter.acquire(Duration.ofSeconds(5))).isFalse();
        assertThat(limiter.acquire(Duration.ofSeconds(5))).isFalse();
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.acquire(Duration.ofSeconds(5))).isTrue(); // slot at t=10 s, 4 s away: the refusals reserved nothing

        assertThat(sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void idleTimeDoesNotBankABurst() throws Exception {
        RequestRateLimiter limiter = new RequestRateLimiter(60, clock, sleeps::add);
        limiter.acquire(Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(10));

        limiter.acquire(Duration.ofSeconds(5));
        limiter.acquire(Duration.ofSeconds(5));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void nonPositiveRateMeansNoLimit() throws Exception {
        RequestRateLimiter limiter = new RequestRateLimiter(0, clock, sleeps::add);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void concurrentCallersGetDistinctSlots() throws Exception {
        List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        RequestRateLimiter limiter = new RequestRateLimiter(600, clock, waits::add); // one every 100 ms
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> limiter.acquire(Duration.ofSeconds(5))));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();

        List<Long> millis = waits.stream().map(Duration::toMillis).sorted().toList();
        assertThat(millis).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L); // the first needs no wait
    }
}
