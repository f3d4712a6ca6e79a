package io.github.tldrbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeferredWrites;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the poll cycle writes late (issue 11 item 7): the feed row of a 304 or a 200 and the "reached
 * the sink" marks wait for {@link FeedRefresher#flushDeferred()}, while the articles, their pending
 * marks and the posts themselves are written at once; and a sink that ignores seed samples gets no
 * seed-sample card made.
 */
class DeferredPollWritesTest {
    static final Instant T0 = FeedRefresherTest.T0;

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ArticleStore articles;
    MutableClock clock = new MutableClock(T0);
    FeedRefresherTest.ScriptedFetcher fetcher = new FeedRefresherTest.ScriptedFetcher();
    FeedRefresherTest.DocumentParser parser = new FeedRefresherTest.DocumentParser();
    List<PostedCard> sink = new CopyOnWriteArrayList<>();
    AtomicInteger summarized = new AtomicInteger();
    long feedId;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("poll.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        feedId = feeds.add(FeedRefresherTest.URL, T0, Duration.ofMinutes(15));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void feedStateAndPostedMarksAreWrittenAtTheFlushArticlesAndPostsAtOnce() {
        FeedRefresher refresher = refresher(true, new DeferredWrites(db));
        serve(article("a1", 3), article("a2", 2));
        refresher.refresh(feed());
        assertThat(feed().seeded()).as("the 200's feed row waits for the flush").isFalse();
        assertThat(articles.listByFeed(feedId, 10)).as("the articles do not").hasSize(2);
        refresher.flushDeferred();
        assertThat(feed().seeded()).isTrue();
        assertThat(feed().validators()).isEqualTo(new Validators("\"v1\"", null));

        clock.advance(Duration.ofHours(1));
        serve(article("a3", 0), article("a1", 3), article("a2", 2));
        RefreshOutcome outcome = refresher.refresh(feed());
        assertThat(outcome.posted()).isEqualTo(1);
        assertThat(sink).filteredOn(c -> !c.seedSample()).singleElement()
                .satisfies(c -> assertThat(c.article().id()).isEqualTo("a3"));
        assertThat(articles.listPendingPosts()).as("posted, marked done only at the flush").hasSize(1);
        refresher.flushDeferred();
        assertThat(articles.listPendingPosts()).isEmpty();

        clock.advance(Duration.ofHours(1));
        Instant polledBefore = feed().lastPolledAt();
        fetcher.next(url -> new FetchResult.NotModified(new Validators("\"v2\"", null), null));
        assertThat(refresher.refresh(feed()).status()).isEqualTo(RefreshOutcome.Status.NOT_MODIFIED);
        assertThat(feed().lastPolledAt()).as("the 304 waits for the flush").isEqualTo(polledBefore);
        refresher.flushDeferred();
        assertThat(feed().lastPolledAt()).isEqualTo(clock.instant());
        assertThat(feed().validators().etag()).isEqualTo("\"v2\"");
        assertThat(feed().leaseUntil()).isNull();
    }

    @Test
    void withoutDeferredWritesEverythingIsWrittenAtOnce() {
        FeedRefresher refresher = refresher(true, null);
        serve(article("a1", 3));
        refresher.refresh(feed());
        assertThat(feed().seeded()).isTrue();
    }

    @Test
    void noSeedSampleCardIsMadeForASinkThatIgnoresThem() {
        FeedRefresher refresher = refresher(false, null);
        serve(article("a1", 3), article("a2", 2));
        RefreshOutcome outcome = refresher.refresh(feed());
        assertThat(outcome.newArticles()).isEqualTo(2);
        assertThat(summarized).as("no card for a sample nobody shows").hasValue(0);
        assertThat(sink).isEmpty();

        FeedRefresher showing = refresher(true, null);
        feedId = feeds.add("https://other.example/feed.xml", T0, Duration.ofMinutes(15));
        serve(article("b1", 3), article("b2", 2));
        showing.refresh(feed());
        assertThat(summarized).as("preview shows the sample").hasValue(1);
        assertThat(sink).singleElement().satisfies(c -> assertThat(c.seedSample()).isTrue());
    }

    private FeedRefresher refresher(boolean sinkWantsSamples, DeferredWrites later) {
        CardSink cardSink = new CardSink() {
            @Override
            public void publish(PostedCard card) {
                sink.add(card);
            }

            @Override
            public boolean wantsSeedSamples() {
                return sinkWantsSamples;
            }
        };
        NewArticlePoster poster = new NewArticlePoster(a -> {
            summarized.incrementAndGet();
            return FeedRefresherTest.card(a);
        }, new CardStore(db), cardSink, clock);
        return new FeedRefresher(fetcher, parser, feeds, articles, poster,
                new PollIntervalPolicy(FeedRefresherTest.POLLING, () -> 0L), FeedRefresherTest.POLLING, clock,
                ArticleLanguage.NONE, StoryAssignment.NONE, later);
    }

    private Article article(String id, int hoursAgo) {
        return FeedRefresherTest.article(id, clock.instant().minus(Duration.ofHours(hoursAgo)));
    }

    private void serve(Article... items) {
        String key = "doc-" + parser.documents.size();
        parser.documents.put(key, new ParsedFeed(FeedRefresherTest.INFO, List.of(items)));
        fetcher.next(url -> new FetchResult.Ok(java.net.URI.create(FeedRefresherTest.URL),
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/rss+xml", new Validators("\"v1\"", null), null));
    }

    private FeedRecord feed() {
        return feeds.findById(feedId).orElseThrow();
    }
}
