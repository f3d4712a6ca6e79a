package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Database db;
    private ArticleStore articles;
    private SubscriptionStore subscriptions;
    private DeliveryStore deliveries;
    private long feed;

    @BeforeEach
    void open(Database database) {
        db = database;
        articles = new ArticleStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
        feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
    }

    private Subscription subscribe(long channel) {
        long id = subscriptions.upsert(feed, channel, 1L, null, null, null, SubscriptionSource.COMMAND, T0);
        return subscriptions.findById(id).orElseThrow();
    }

    private long article(String id, Instant firstSeen) {
        Article article = ArticleStoreTest.article(id, firstSeen);
        return articles.insertIfNew(feed, List.of(article), firstSeen).get(0).id();
    }

    @StoreTest
    void enqueueIsIdempotentPerSubscriptionAndArticle() {
        Subscription a = subscribe(100);
        Subscription b = subscribe(200);
        long article = article("x", T0);

        assertThat(deliveries.enqueueAll(List.of(a, b), article, T0)).isEqualTo(2);
        assertThat(deliveries.enqueueAll(List.of(a, b), article, T0.plusSeconds(1))).isZero();
        assertThat(deliveries.enqueue(a, article, T0)).isFalse();

        assertThat(deliveries.listForSubscription(a.id())).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.channelId()).isEqualTo(100);
            assertThat(d.attempts()).isZero();
            assertThat(d.createdAt()).isEqualTo(T0);
        });
    }

    @StoreTest
    void claimTakesTheOldestArticleFirstThenEnqueueOrderAndMarksSending() {
        Subscription sub = subscribe(100);
        long newer = article("newer", T0.plusSeconds(60));
        long older = article("older", T0);
        long sameTimeSecond = article("same2", T0.plusSeconds(60));
        deliveries.enqueue(sub, newer, T0.plusSeconds(60));
        deliveries.enqueue(sub, sameTimeSecond, T0.plusSeconds(60));
        deliveries.enqueue(sub, older, T0.plusSeconds(60));
        Instant now = T0.plusSeconds(120);

        Delivery first = deliveries.claimNext(100, now).orElseThrow();
        assertThat(first.articleId()).isEqualTo(older);
        assertThat(first.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastAttemptAt()).isEqualTo(now);
        deliveries.markSent(first.id(), "m1", now);

        assertThat(deliveries.claimNext(100, now).orElseThrow().articleId()).isEqualTo(newer);
        assertThat(deliveries.claimNext(100, now).orElseThrow().articleId()).isEqualTo(sameTimeSecond);
        assertThat(deliveries.claimNext(100, now)).isEmpty();
        assertThat(deliveries.listSending(T0)).hasSize(2);
        assertThat(deliveries.findById(first.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.messageId()).isEqualTo("m1");
            assertThat(d.sentAt()).isEqualTo(now);
        });
    }

    @StoreTest
    void retriesWaitUntilDueAndPausedSubscriptionsAreNotPicked() {
        Subscription active = subscribe(100);
        Subscription paused = subscribe(200);
        long article = article("x", T0);
        deliveries.enqueueAll(List.of(active, paused), article, T0);
        assertThat(deliveries.listChannelsWithDue(T0)).containsExactly(100L, 200L);

        subscriptions.pause(paused.id(), "Missing Access");
        Delivery claimed = deliveries.claimNext(100, T0).orElseThrow();
        deliveries.markRetry(claimed.id(), "HTTP 503", T0.plusSeconds(30));

        assertThat(deliveries.listChannelsWithDue(T0.plusSeconds(29))).isEmpty();
        assertThat(deliveries.claimNext(100, T0.plusSeconds(29))).isEmpty();
        assertThat(deliveries.claimNext(200, T0.plusSeconds(29))).isEmpty();
        assertThat(deliveries.listChannelsWithDue(T0.plusSeconds(30))).containsExactly(100L);
        Delivery retried = deliveries.claimNext(100, T0.plusSeconds(30)).orElseThrow();
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.lastError()).isEqualTo("HTTP 503");

        subscriptions.resume(paused.id());
        assertThat(deliveries.listChannelsWithDue(T0.plusSeconds(30))).containsExactly(200L);
    }

    @StoreTest
    void pruningArticlesCascadesToTheirDeliveries() {
        Subscription sub = subscribe(100);
        long old = article("old", T0.minus(Duration.ofDays(100)));
        long recent = article("recent", T0);
        deliveries.enqueue(sub, old, T0);
        deliveries.enqueue(sub, recent, T0);

        assertThat(articles.prune(T0.minus(Duration.ofDays(90)))).isEqualTo(1);

        assertThat(deliveries.listForSubscription(sub.id())).extracting(Delivery::articleId).containsExactly(recent);
    }

    @StoreTest
    void postStateMarksChosenArticlesPendingUntilPosted() {
        List<Article> batch = List.of(ArticleStoreTest.article("a", T0), ArticleStoreTest.article("b", T0),
                ArticleStoreTest.article("c", T0));
        NewArticles stored = articles.insertIfNew(feed, batch, T0, fresh -> List.of(fresh.get(2), fresh.get(0)));

        assertThat(stored.fresh()).extracting(s -> s.article().id()).containsExactly("a", "b", "c");
        assertThat(stored.toPost()).extracting(s -> s.article().id()).containsExactly("c", "a");
        assertThat(articles.listPendingPosts()).extracting(s -> s.article().id()).containsExactly("a", "c");

        articles.markPosted(stored.toPost().get(0).id());
        assertThat(articles.listPendingPosts()).extracting(s -> s.article().id()).containsExactly("a");
    }
}
