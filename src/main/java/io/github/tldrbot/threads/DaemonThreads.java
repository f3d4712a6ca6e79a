package io.github.tldrbot.threads;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's own thread pools: daemon threads (a pool left open never keeps the JVM alive) with names
 * that say whose they are in logs, thread dumps and the poll benchmark's CPU-by-thread report, and
 * the one way they are stopped.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code prefix1}, {@code prefix2}, … (the prefix carries its own separator). */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(task, prefix + count.incrementAndGet());
    }

    /** Every thread named {@code name} (single-thread executors, or pools where the number says nothing). */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    /**
     * Lets running tasks finish for up to {@code wait}, then interrupts what is left.
     *
     * @return whether every task had finished in time
     */
    public static boolean shutdown(ExecutorService pool, Duration wait) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        return false;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
