package io.github.tldrbot.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces model requests so they never exceed {@code requestsPerMinute} (a provider's or a small
 * GPU's limit): each permit is a reserved time slot {@code 60 s / requestsPerMinute} after the
 * previous one, so a burst is spread out instead of being refused by the server with 429s.
 *
 * <p>A caller that would have to wait longer than its {@code maxWait} gets no permit (and reserves
 * nothing), so it can fall back to the extractive card at once instead of delaying a post. A
 * non-positive rate means "no limit". Thread-safe: slots are reserved under a lock, the waiting
 * happens outside it. Clock and sleeper are injectable so tests need not wait.
 */
public final class RequestRateLimiter {

    /** Waits for a duration; {@code Thread::sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper THREAD = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextSlot = Instant.MIN;

    public RequestRateLimiter(int requestsPerMinute, Clock clock, Sleeper sleeper) {
        this.interval = requestsPerMinute <= 0 ? Duration.ZERO : Duration.ofMinutes(1).dividedBy(requestsPerMinute);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes the next free slot when it comes within {@code maxWait}, waiting until then.
     *
     * @return false (nothing reserved) when the next slot is further away than {@code maxWait}
     * @throws InterruptedException when interrupted while waiting (the slot is then spent)
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        if (interval.isZero()) {
            return true;
        }
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
            wait = Duration.between(now, slot);
            if (wait.compareTo(maxWait) > 0) {
                return false;
            }
            nextSlot = slot.plus(interval);
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        return true;
    }
}
