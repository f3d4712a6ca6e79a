package io.github.tldrbot.websub;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.RefreshOutcome;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.FeedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pushed content through the poller's path ({@link FeedRefresher#ingestPushed}) off the HTTP
 * thread. The feed is claimed first, as the dispatcher claims it, so a push and a poll of one feed
 * never run at once: while a poll holds the feed the push waits (a poll in flight ends within its
 * fetch timeout), and after {@code pushClaimWait} it is dropped, since that poll or the next one reads
 * the same entries. Content waiting here is lost if the process stops; polling covers that too.
 */
final class PushIngest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushIngest.class);
    private static final long RETRY_PAUSE_MS = 100;
    /** Pushes waiting beyond this are refused (the hub gets a 2xx; polling picks the entries up). */
    private static final int QUEUE = 256;

    /** Who the claim is taken for: the dispatcher's terms (SPEC §13). */
    record ClaimTerms(String owner, Duration lease, Duration deadAfter) {
    }

    private final FeedStore feeds;
    private final FeedRefresher refresher;
    private final ClaimTerms terms;
    private final Duration claimWait;
    private final Clock clock;
    private final ThreadPoolExecutor pool;

    PushIngest(FeedStore feeds, FeedRefresher refresher, ClaimTerms terms, Duration claimWait, Clock clock) {
        this.feeds = feeds;
        this.refresher = refresher;
        this.terms = terms;
        this.claimWait = claimWait;
        this.clock = clock;
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                DaemonThreads.named("websub-push"));
    }

    /** @return false when too many pushes wait already */
    boolean submit(long feedId, byte[] body, String contentType) {
        try {
            pool.execute(() -> ingest(feedId, body, contentType));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void ingest(long feedId, byte[] body, String contentType) {
        long deadline = System.nanoTime() + claimWait.toNanos();
        try {
            while (true) {
                Instant now = clock.instant();
                Optional<FeedRecord> claimed = feeds.claimOne(feedId, now, terms.lease(), terms.owner(), terms.deadAfter());
                if (claimed.isPresent()) {
                    RefreshOutcome outcome = refresher.ingestPushed(claimed.get(), body, contentType);
                    refresher.flushDeferred();
                    log.info("websub push handled: feed={} status={} new_articles={} posted={}", feedId, outcome.status(),
                            outcome.newArticles(), outcome.posted());
                    return;
                }
                Optional<FeedRecord> feed = feeds.findById(feedId);
                if (feed.isEmpty() || feed.get().status() != FeedStatus.ACTIVE) {
                    log.info("websub push dropped: feed={} reason=feed gone or not active", feedId);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    log.info("websub push dropped: feed={} reason=a poll held the feed for {}s; polling reads the entries", feedId,
                            claimWait.toSeconds());
                    return;
                }
                Thread.sleep(RETRY_PAUSE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("websub push failed: feed={} error={}", feedId, e.toString(), e);
        }
    }

    @Override
    public void close() {
        DaemonThreads.shutdown(pool, Duration.ofSeconds(10));
    }
}
