package io.github.tldrbot.schedule;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.MutableClock;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher keeps claiming while a slow feed of an earlier batch is still being polled: the
 * next batch is claimed once no more refreshes than threads are left, not once the whole batch is
 * done (issue 11 item 7: a round waited for its slowest fetch before claiming the next batch).
 */
class PollDispatcherClaimingTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 3);

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    MutableClock clock = new MutableClock(T0);
    PollDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("claims.db"));
        feeds = new FeedStore(db);
    }

    @AfterEach
    void tearDown() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        db.close();
    }

    @Test
    void aSlowFeedDoesNotHoldBackTheNextBatch() {
        // due in this order: the slow feed first, so it is in the first batch of three
        for (int i = 0; i < 7; i++) {
            feeds.add("https://f.example/" + i, T0.minus(Duration.ofMinutes(10)).plusSeconds(i), Duration.ofMinutes(15));
        }
        CountDownLatch laterBatchPolled = new CountDownLatch(1);
        Set<String> fetched = ConcurrentHashMap.newKeySet();
        boolean[] releasedByLaterBatch = new boolean[1];
        FeedFetcher fetcher = (URI url, Validators validators) -> {
            String path = url.getPath();
            fetched.add(path);
            if (path.equals("/0")) {
                try {
                    releasedByLaterBatch[0] = laterBatchPolled.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (Integer.parseInt(path.substring(1)) >= 3) {
                laterBatchPolled.countDown();
            }
            return new FetchResult.NotModified(Validators.NONE, null);
        };
        FeedRefresher refresher = new FeedRefresher(fetcher, (body, type, base) -> {
            throw new FeedParseException("never parsed");
        }, feeds, new ArticleStore(db), new NewArticlePoster(a -> new Card("t", null, null, null, List.of(), List.of(),
                "test"), new CardStore(db), c -> { }, clock), new PollIntervalPolicy(POLLING, () -> 0L), POLLING, clock);
        dispatcher = new PollDispatcher(feeds, refresher, 2, Duration.ofMinutes(2), 3, clock);

        PollCycleSummary summary = dispatcher.runOnce();

        assertThat(releasedByLaterBatch[0]).as("a feed of the second batch was polled while the slow one waited").isTrue();
        assertThat(summary.feeds()).isEqualTo(7);
        assertThat(summary.notModified()).isEqualTo(7);
        assertThat(fetched).hasSize(7);
        assertThat(feeds.claimDue(T0, Duration.ofMinutes(2), 10)).as("every feed polled and released").isEmpty();
    }
}
