package io.github.tldrbot.schedule;

import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FetchError;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.MutableClock;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PageTextStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PollSchedulerTest {
    static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 10);

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ArticleStore articles;
    final Clock clock = Clock.systemUTC();
    final CountingFetcher fetcher = new CountingFetcher();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void open() {
        db = new Database("jdbc:sqlite:" + dir.resolve("schedule.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
    }

    @AfterEach
    void close() throws Exception {
        fetcher.release.countDown();
        for (AutoCloseable c : toClose) {
            c.close();
        }
        db.close();
    }

    @Test
    void oneCycleRefreshesEveryDueFeedAndSumsTheOutcomes() {
        fetcher.answers.put("https://ok.example/feed", url -> ok());
        fetcher.answers.put("https://same.example/feed", url -> new FetchResult.NotModified(Validators.NONE, null));
        fetcher.answers.put("https://down.example/feed", url -> new FetchResult.Failed(FetchError.UNREACHABLE, "connection refused"));
        fetcher.answers.put("https://busy.example/feed", url -> new FetchResult.Throttled(429, null, "HTTP 429"));
        Instant now = clock.instant();
        for (String url : fetcher.answers.keySet()) {
            feeds.add(url, now, POLLING.defaultInterval());
        }
        feeds.add("https://later.example/feed", now.plus(Duration.ofHours(1)), POLLING.defaultInterval());

        PollCycleSummary summary = dispatcher(4, 500).runOnce();

        assertThat(summary.feeds()).isEqualTo(4);
        assertThat(summary.ok()).isEqualTo(1);
        assertThat(summary.notModified()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.throttled()).isEqualTo(1);
        assertThat(summary.newArticles()).isEqualTo(2);
        assertThat(summary.posted()).isZero();
        assertThat(fetcher.calls.get("https://later.example/feed")).isNull();
        assertThat(dispatcher(4, 500).runOnce().feeds()).as("nothing is due any more").isZero();
    }

    @Test
    void aCycleKeepsClaimingWhileFullBatchesAreDue() {
        Instant now = clock.instant();
        for (int i = 0; i < 7; i++) {
            String url = "https://many.example/" + i;
            fetcher.answers.put(url, u -> new FetchResult.NotModified(Validators.NONE, null));
            feeds.add(url, now, POLLING.defaultInterval());
        }
        assertThat(dispatcher(2, 3).runOnce().feeds()).isEqualTo(7);
        assertThat(fetcher.calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void theSchedulerFiresTheDispatcherAndClosingStopsIt() {
        fetcher.answers.put("https://a.example/feed", url -> new FetchResult.NotModified(Validators.NONE, null));
        fetcher.answers.put("https://b.example/feed", url -> new FetchResult.NotModified(Validators.NONE, null));
        long a = feeds.add("https://a.example/feed", clock.instant(), POLLING.defaultInterval());
        PollScheduler scheduler = new PollScheduler(dispatcher(2, 500), new PruneJob(articles, Duration.ofDays(90), clock),
                POLLING.dispatchEvery());
        scheduler.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> feeds.findById(a).orElseThrow().lastPolledAt() != null);
        assertThat(fetcher.count("https://a.example/feed")).isEqualTo(1);

        scheduler.close();
        feeds.add("https://b.example/feed", clock.instant(), POLLING.defaultInterval());
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5))
                .until(() -> fetcher.count("https://b.example/feed") == 0);
    }

    @Test
    void aLeasedFeedIsNotRefreshedByASecondDispatcher() throws Exception {
        fetcher.answers.put("https://slow.example/feed", url -> {
            fetcher.blockUntilReleased();
            return new FetchResult.NotModified(Validators.NONE, null);
        });
        feeds.add("https://slow.example/feed", clock.instant(), POLLING.defaultInterval());
        PollDispatcher first = dispatcher(2, 500);
        PollDispatcher second = dispatcher(2, 500);

        CompletableFuture<PollCycleSummary> running = CompletableFuture.supplyAsync(first::runOnce);
        assertThat(fetcher.entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(second.runOnce().feeds()).as("the lease is held").isZero();
        }
        fetcher.release.countDown();

        assertThat(running.get(20, TimeUnit.SECONDS).notModified()).isEqualTo(1);
        assertThat(fetcher.count("https://slow.example/feed")).isEqualTo(1);
        assertThat(fetcher.maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void pruneJobDeletesArticlesOlderThanRetention() {
        long feed = feeds.add("https://a.example/feed", clock.instant(), POLLING.defaultInterval());
        Instant now = clock.instant();
        articles.insertIfNew(feed, List.of(article("old")), now.minus(Duration.ofDays(91)));
        articles.insertIfNew(feed, List.of(article("new")), now.minus(Duration.ofDays(89)));

        assertThat(new PruneJob(articles, Duration.ofDays(90), clock).runOnce()).isEqualTo(1);
        assertThat(articles.listByFeed(feed, 10)).extracting(s -> s.article().id()).containsExactly("new");
    }

    @Test
    void pruneJobAlsoDeletesPageTextsReadLongerAgoThanRetention() {
        MutableClock then = new MutableClock(clock.instant().minus(Duration.ofDays(91)));
        PageTextStore pages = new PageTextStore(db, then);
        pages.put("https://a.example/old-story", new PageText.Found("Old text.", List.of()));
        then.advance(Duration.ofDays(2));
        pages.put("https://a.example/new-story", new PageText.Missing("TIMEOUT: slow"));

        new PruneJob(articles, null, pages, Duration.ofDays(90), clock).runOnce();

        assertThat(pages.find("https://a.example/old-story")).isEmpty();
        assertThat(pages.find("https://a.example/new-story")).isPresent();
    }

    private PollDispatcher dispatcher(int concurrency, int batchSize) {
        CardStore cards = new CardStore(db);
        FeedRefresher refresher = new FeedRefresher(fetcher, PollSchedulerTest::parse, feeds, articles,
                new NewArticlePoster(a -> new Card("t", null, null, null, List.of(), List.of(), "test"), cards, c -> { }, clock),
                new PollIntervalPolicy(POLLING, () -> 0L), POLLING, clock);
        PollDispatcher dispatcher = new PollDispatcher(feeds, refresher, concurrency, Duration.ofMinutes(2), batchSize, clock);
        toClose.add(dispatcher);
        return dispatcher;
    }

    private static FetchResult ok() {
        return new FetchResult.Ok(URI.create("https://ok.example/feed"), "two".getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", Validators.NONE, null);
    }

    private static ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        if (!new String(body, StandardCharsets.UTF_8).equals("two")) {
            throw new FeedParseException("unexpected body");
        }
        return new ParsedFeed(new FeedInfo(baseUrl, "OK", baseUrl, "rss_2.0", null), List.of(article("x"), article("y")));
    }

    private static Article article(String id) {
        return new Article(id, null, id, null, null, null, null, List.of(), null, null, null);
    }

    /** Answers per URL, counting calls and the most fetches of one feed in flight at once. */
    static final class CountingFetcher implements FeedFetcher {
        final Map<String, Function<URI, FetchResult>> answers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public FetchResult fetch(URI url, Validators validators) {
            calls.computeIfAbsent(url.toString(), k -> new AtomicInteger()).incrementAndGet();
            maxConcurrent.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return answers.get(url.toString()).apply(url);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        int count(String url) {
            AtomicInteger n = calls.get(url);
            return n == null ? 0 : n.get();
        }

        void blockUntilReleased() {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
