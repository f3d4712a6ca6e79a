package io.github.tldrbot.schedule;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.config.FetchConfig;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.RefreshOutcome;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * One dispatch cycle (ARCHITECTURE "one dispatcher"): claim the due feeds with a lease, a batch at a
 * time, refresh them on a bounded pool, and log one summary line once every claimed feed is done.
 * The next batch is claimed as soon as no more than {@code concurrency} refreshes are waiting or
 * running — not once the slowest feed of the batch is done — so the pool stays busy while a slow
 * server or a feed with many new articles finishes; claiming stops after a batch that was not full.
 *
 * <p>Claims use the cycle's start time, so a feed refreshed in this cycle (whose next poll is then
 * in the future) is not picked up again and the loop ends. The lease covers a whole batch: the
 * last feed of a batch may wait {@code (batchSize + concurrency) / concurrency} fetch timeouts for a
 * pool thread before its own fetch starts. What the refresher gathers for later ({@link
 * FeedRefresher#flushDeferred}) is written before each claim and at the end of the cycle.
 */
public final class PollDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollDispatcher.class);
    /** Feeds claimed per round. */
    static final int BATCH_SIZE = 500;
    private static final Duration MIN_LEASE = Duration.ofMinutes(2);

    private final FeedStore feeds;
    private final FeedRefresher refresher;
    private volatile Duration lease;
    /** The process whose heartbeat renews this dispatcher's claims (SPEC §13); null: none, the lease must last. */
    private volatile String leaseOwner;
    private volatile Duration ownerDeadAfter = Duration.ZERO;
    private volatile java.util.function.Consumer<PollCycleSummary> onCycle = summary -> { };
    private final int batchSize;
    private final int concurrency;
    private final Clock clock;
    private final ExecutorService pool;
    private final Duration shutdownWait;

    public PollDispatcher(FeedStore feeds, FeedRefresher refresher, int concurrency, Duration lease, int batchSize, Clock clock) {
        this.feeds = feeds;
        this.refresher = refresher;
        this.lease = lease;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.clock = clock;
        this.shutdownWait = lease;
        this.pool = Executors.newFixedThreadPool(concurrency, DaemonThreads.numbered("feed-refresh-"));
    }

    /** Sizes the pool like {@code fetch.maxConcurrent} and the lease from {@code fetch.timeout}. */
    public static PollDispatcher forConfig(FeedStore feeds, FeedRefresher refresher, FetchConfig fetch, Clock clock) {
        int concurrency = Math.max(1, fetch.maxConcurrent());
        // a batch is claimed while up to `concurrency` refreshes are still ahead of it, hence 3, not 2
        long waits = 3 + (BATCH_SIZE + concurrency - 1) / concurrency;
        Duration lease = fetch.timeout().multipliedBy(waits);
        return new PollDispatcher(feeds, refresher, concurrency, lease.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : lease,
                BATCH_SIZE, clock);
    }

    /**
     * Claims from now on as process {@code processId}, whose heartbeat renews the claims while their
     * polls run: the lease can then be short ({@code lease}, SPEC §13: at most a minute), and feeds
     * held by a process dead for {@code deadAfter} are taken over.
     */
    public void claimAs(String processId, Duration lease, Duration deadAfter) {
        this.leaseOwner = processId;
        this.ownerDeadAfter = deadAfter;
        this.lease = lease;
    }

    /** Hands every cycle's totals to {@code listener} from now on (metrics). */
    public void reportTo(java.util.function.Consumer<PollCycleSummary> listener) {
        this.onCycle = listener;
    }

    /** Refreshes every feed due now, waits for all of them and returns the totals. One cycle at a time. */
    public synchronized PollCycleSummary runOnce() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<RefreshOutcome> outcomes = new ArrayList<>();
        refreshDue(now, outcomes);
        PollCycleSummary summary = PollCycleSummary.of(outcomes, Duration.ofNanos(System.nanoTime() - started));
        onCycle.accept(summary);
        if (summary.feeds() > 0) {
            log.info("poll cycle: feeds={} ok={} not_modified={} throttled={} new_articles={} posted={} failed={} took={}ms",
                    summary.feeds(), summary.ok(), summary.notModified(), summary.throttled(), summary.newArticles(),
                    summary.posted(), summary.failed(), summary.took().toMillis());
        } else {
            log.debug("poll cycle: no feed due");
        }
        return summary;
    }

    /**
     * Claims and refreshes every feed due at {@code now}, adding each outcome as it completes. On
     * shutdown, claiming stops and the refreshes already handed to the pool finish; on interrupt they
     * are cancelled. Feeds not refreshed keep their lease until it expires.
     */
    private void refreshDue(Instant now, List<RefreshOutcome> outcomes) {
        CompletionService<RefreshOutcome> completed = new ExecutorCompletionService<>(pool);
        Set<Future<RefreshOutcome>> unfinished = new HashSet<>();
        boolean more = true;
        try {
            while (more || !unfinished.isEmpty()) {
                if (more && unfinished.size() <= concurrency) {
                    refresher.flushDeferred();
                    List<FeedRecord> claimed = feeds.claimDue(now, lease, batchSize, leaseOwner, ownerDeadAfter);
                    boolean handedOver = submit(claimed, completed, unfinished);
                    more = handedOver && claimed.size() == batchSize;
                    continue;
                }
                Future<RefreshOutcome> done = completed.take();
                unfinished.remove(done);
                outcomes.add(done.get());
            }
            refresher.flushDeferred();
        } catch (InterruptedException e) {
            unfinished.forEach(f -> f.cancel(true));
            refresher.flushDeferred();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // FeedRefresher.refresh never throws; this would be an Error such as OutOfMemoryError.
            throw new IllegalStateException("feed refresh crashed: " + e.getCause(), e.getCause());
        }
    }

    /** @return false when the pool is shutting down (the feeds not handed over keep their lease) */
    private boolean submit(List<FeedRecord> claimed, CompletionService<RefreshOutcome> completed,
                           Set<Future<RefreshOutcome>> unfinished) {
        try {
            for (FeedRecord feed : claimed) {
                unfinished.add(completed.submit(() -> refresher.refresh(feed)));
            }
            return !pool.isShutdown();
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops the refresh pool, letting running refreshes finish. */
    @Override
    public void close() {
        DaemonThreads.shutdown(pool, shutdownWait);
    }
}
