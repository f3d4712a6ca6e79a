package io.github.tldrbot.feed;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The total time budget of one fetch (all hops, headers and body). The JDK client's request timeout
 * only covers the wait for response headers, so a body that drips one byte at a time would never
 * time out; this deadline closes the body stream being read when the budget is spent, which makes
 * the blocked read return and makes the client drop the connection. One scheduled task per fetch on
 * a shared timer thread: no thread per fetch. Uses {@link System#nanoTime()}, immune to clock jumps.
 */
final class FetchDeadline implements AutoCloseable {

    private final long deadlineNanos;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final AtomicReference<Closeable> watched = new AtomicReference<>();
    private final ScheduledFuture<?> alarm;

    FetchDeadline(ScheduledExecutorService timer, Duration timeout) {
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.alarm = timer.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Registers the body stream now being read; it is closed at once if the deadline has passed. */
    void watch(Closeable stream) {
        watched.set(stream);
        if (expired.get()) {
            closeQuietly(stream);
        }
    }

    /** Time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** True once the budget is spent (whether or not the timer task has run yet). */
    boolean expired() {
        return expired.get() || deadlineNanos - System.nanoTime() <= 0;
    }

    @Override
    public void close() {
        alarm.cancel(false);
        watched.set(null);
    }

    private void expire() {
        expired.set(true);
        closeQuietly(watched.get());
    }

    private static void closeQuietly(Closeable stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // The stream is being abandoned; a failure to close it changes nothing for the caller.
        }
    }
}
