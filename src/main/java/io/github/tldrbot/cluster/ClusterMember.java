package io.github.tldrbot.cluster;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.store.ClusterStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's membership of the processes sharing a store (SPEC §13): its row in
 * {@code processes}, a heartbeat that also renews its feed claims, and the periodic cluster work
 * (shard hand-back and takeover, settling a dead process's sends, recap trigger sync) on a second
 * thread, so slow work — a shard taking seconds to connect — never delays the heartbeat. Closing
 * it removes the row and its claims, so the others take over at once.
 */
public final class ClusterMember implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterMember.class);

    private final ClusterStore store;
    private final ProcessIdentity me;
    private final ClusterSettings settings;
    private final Clock clock;
    private final List<Task> work = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeat;
    private ScheduledExecutorService worker;

    /** Periodic cluster work; may block for a while. */
    @FunctionalInterface
    public interface Task {
        void run() throws InterruptedException;
    }

    public ClusterMember(ClusterStore store, ProcessIdentity me, ClusterSettings settings, Clock clock) {
        this.store = store;
        this.me = me;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers this process, declares dead at once its killed predecessors on this host, and starts
     * beating (the heartbeat must run before shards are awaited, or a long wait would make this
     * process look dead to the others).
     */
    public synchronized void join() {
        store.register(me.record(clock.instant()));
        int buried = store.buryDeadOnHost(me.host(), me.id(),
                pid -> pid != me.pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (buried > 0) {
            log.info("{} earlier process(es) on this host are gone; their work is taken over now", buried);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-heartbeat"));
        long every = settings.heartbeatEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        log.info("joined the store's processes: id={} at={} shards={}", me.id(), me.describe(), me.configured().describe());
    }

    /** Runs {@code task} every heartbeat period on the cluster-work thread, once {@link #startWork} was called. */
    public void every(Task task) {
        work.add(task);
    }

    /** Starts the periodic cluster work. */
    public synchronized void startWork() {
        worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-work"));
        long every = settings.heartbeatEvery().toMillis();
        worker.scheduleWithFixedDelay(this::runWork, every, every, TimeUnit.MILLISECONDS);
    }

    public ProcessIdentity identity() {
        return me;
    }

    private void beat() {
        try {
            store.beat(me.id(), clock.instant(), settings.feedLease());
        } catch (RuntimeException e) {
            log.warn("heartbeat not written: error={}", e.toString());
        }
    }

    private void runWork() {
        for (Task task : work) {
            try {
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("cluster work failed: error={}", e.toString(), e);
            }
        }
    }

    /** Stops beating and leaves: the row, the shard leases and the feed claims go, for the others to take at once. */
    @Override
    public synchronized void close() {
        for (ScheduledExecutorService executor : new ScheduledExecutorService[] {worker, heartbeat}) {
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            store.leave(me.id());
        } catch (RuntimeException e) {
            log.warn("could not leave the store's processes; the others take over after {} s: error={}",
                    settings.deadAfter().toSeconds(), e.toString());
        }
    }

}
