package io.github.tldrbot.poll;

import io.github.tldrbot.delivery.OutboxCardSink;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.tldrbot.poll.FeedRefresherTest.INFO;
import static io.github.tldrbot.poll.FeedRefresherTest.POLLING;
import static io.github.tldrbot.poll.FeedRefresherTest.T0;
import static io.github.tldrbot.poll.FeedRefresherTest.URL;
import static io.github.tldrbot.poll.FeedRefresherTest.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gap between storing a poll's new articles and handing their cards to the sink: a crash there
 * must neither lose a post nor, after recovery, deliver one twice.
 */
class PendingPostRecoveryTest {
    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ArticleStore articles;
    CardStore cards;
    DeliveryStore deliveries;
    MutableClock clock = new MutableClock(T0);
    FeedRefresherTest.ScriptedFetcher fetcher = new FeedRefresherTest.ScriptedFetcher();
    FeedRefresherTest.DocumentParser parser = new FeedRefresherTest.DocumentParser();
    OutboxCardSink outbox;
    long feedId;
    long subscriptionId;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("recovery.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        deliveries = new DeliveryStore(db);
        SubscriptionStore subscriptions = new SubscriptionStore(db);
        feedId = feeds.add(URL, T0, POLLING.defaultInterval());
        subscriptionId = subscriptions.upsert(feedId, 100, 1L, null, null, null, SubscriptionSource.COMMAND, T0);
        outbox = new OutboxCardSink(subscriptions, deliveries, () -> { }, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void articlesWhoseSinkFailedArePostedOnceByRecovery() {
        seed();
        serve(article("n3", hoursAgo(1)), article("n1", hoursAgo(3)), article("n2", hoursAgo(2)));

        RefreshOutcome outcome = refresher(card -> {
            throw new IllegalStateException("database locked");
        }).refresh(feeds.findById(feedId).orElseThrow());

        assertThat(outcome.posted()).isZero();
        assertThat(articles.listPendingPosts()).hasSize(3);
        assertThat(deliveries.listForSubscription(subscriptionId)).isEmpty();

        PendingPostRecovery recovery = recovery();
        assertThat(recovery.run()).isEqualTo(3);
        assertThat(recovery.run()).isZero();

        assertThat(articles.listPendingPosts()).isEmpty();
        assertThat(deliveredArticleIds()).containsExactly("n1", "n2", "n3");
    }

    @Test
    void aCrashAfterTheSinkAcceptedOneCardRecoversEveryArticleExactlyOnce() {
        seed();
        serve(article("n3", hoursAgo(1)), article("n1", hoursAgo(3)), article("n2", hoursAgo(2)));
        CardSink diesAfterFirstAccept = card -> {
            outbox.publish(card);
            throw new SimulatedCrash();
        };

        assertThatThrownBy(() -> refresher(diesAfterFirstAccept).refresh(feeds.findById(feedId).orElseThrow()))
                .isInstanceOf(SimulatedCrash.class);
        assertThat(deliveredArticleIds()).containsExactly("n1");
        assertThat(articles.listPendingPosts()).hasSize(3);

        assertThat(recovery().run()).isEqualTo(3);

        Map<Long, Long> perArticle = deliveries.listForSubscription(subscriptionId).stream()
                .collect(Collectors.groupingBy(Delivery::articleId, Collectors.counting()));
        assertThat(perArticle).hasSize(3).allSatisfy((article, count) -> assertThat(count).isEqualTo(1));
        assertThat(deliveredArticleIds()).containsExactly("n1", "n2", "n3");
        assertThat(articles.listPendingPosts()).isEmpty();
    }

    @Test
    void aNormalPollLeavesNothingPendingAndSeedSamplesAreNeverPending() {
        seed();
        assertThat(articles.listPendingPosts()).isEmpty();
        serve(article("n1", hoursAgo(1)), article("s1", hoursAgo(10)));

        assertThat(refresher(outbox).refresh(feeds.findById(feedId).orElseThrow()).posted()).isEqualTo(1);

        assertThat(articles.listPendingPosts()).isEmpty();
        assertThat(recovery().run()).isZero();
        assertThat(deliveredArticleIds()).containsExactly("n1");
    }

    // --- fixtures ---------------------------------------------------------------------------------

    private void seed() {
        serve(article("s1", hoursAgo(10)));
        refresher(outbox).refresh(feeds.findById(feedId).orElseThrow());
        clock.advance(Duration.ofHours(1));
    }

    private FeedRefresher refresher(CardSink sink) {
        return new FeedRefresher(fetcher, parser, feeds, articles, poster(sink),
                new PollIntervalPolicy(POLLING, () -> 0L), POLLING, clock);
    }

    private NewArticlePoster poster(CardSink sink) {
        return new NewArticlePoster(FeedRefresherTest::card, cards, sink, clock);
    }

    private PendingPostRecovery recovery() {
        return new PendingPostRecovery(articles, feeds, poster(outbox));
    }

    private List<String> deliveredArticleIds() {
        return deliveries.listForSubscription(subscriptionId).stream()
                .map(d -> articles.findById(d.articleId()).orElseThrow().article().id())
                .toList();
    }

    private Instant hoursAgo(int hours) {
        return clock.instant().minus(Duration.ofHours(hours));
    }

    private void serve(Article... items) {
        String key = "doc-" + parser.documents.size();
        parser.documents.put(key, new ParsedFeed(INFO, List.of(items)));
        fetcher.next(url -> new FetchResult.Ok(URI.create(URL), key.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", new Validators("\"v1\"", null), null));
    }

    /** Stands for the process dying: not a RuntimeException, so nothing on the way catches it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
