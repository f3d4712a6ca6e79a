package io.github.tldrbot.feed;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Concurrency limits of SPEC §4.1: at most {@code perHost} requests to one host and at most
 * {@code global} in all. Both semaphores are fair, so a waiting fetch is not overtaken forever.
 *
 * <p>Why the order is host first, then global: a fetch never holds a global permit while it waits,
 * so many fetches queued behind one slow host cannot starve every other host of global permits, and
 * since every caller takes the two in the same order no deadlock is possible. A redirect to another
 * host releases both and acquires again (see {@link HttpFeedFetcher}).
 *
 * <p>Per-host semaphores live in the map only while someone holds or waits for them: a use count,
 * changed only inside {@link ConcurrentHashMap#compute} (atomic per key), removes the entry when it
 * reaches zero, so polling 10,000 distinct hosts leaves nothing behind.
 */
final class FetchPermits {

    private final Semaphore global;
    private final int perHost;
    private final ConcurrentHashMap<String, HostSlot> hosts = new ConcurrentHashMap<>();

    FetchPermits(int global, int perHost) {
        if (global < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1 (maxConcurrent="
                    + global + ", perHostConcurrent=" + perHost + ")");
        }
        this.global = new Semaphore(global, true);
        this.perHost = perHost;
    }

    /** Blocks until this caller may send one request to {@code host}; close the lease when done. */
    Lease acquire(String host) throws InterruptedException {
        HostSlot slot = hosts.compute(host, (key, existing) -> {
            HostSlot s = existing != null ? existing : new HostSlot(new Semaphore(perHost, true));
            s.users++;
            return s;
        });
        try {
            slot.semaphore.acquire();
        } catch (InterruptedException e) {
            leave(host);
            throw e;
        }
        try {
            global.acquire();
        } catch (InterruptedException e) {
            slot.semaphore.release();
            leave(host);
            throw e;
        }
        return new Lease(host, slot);
    }

    /** Number of hosts with a live semaphore; for tests that check nothing leaks. */
    int trackedHosts() {
        return hosts.size();
    }

    private void leave(String host) {
        hosts.computeIfPresent(host, (key, slot) -> --slot.users == 0 ? null : slot);
    }

    /** Held permits for one request; closing twice is harmless. */
    final class Lease implements AutoCloseable {
        private final String host;
        private final HostSlot slot;
        private boolean released;

        private Lease(String host, HostSlot slot) {
            this.host = host;
            this.slot = slot;
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            global.release();
            slot.semaphore.release();
            leave(host);
        }
    }

    /** {@code users} counts holders and waiters; guarded by the map's per-key compute lock. */
    private static final class HostSlot {
        final Semaphore semaphore;
        int users;

        HostSlot(Semaphore semaphore) {
            this.semaphore = semaphore;
        }
    }
}
