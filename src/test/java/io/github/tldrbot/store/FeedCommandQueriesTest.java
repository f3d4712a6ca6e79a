package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The store queries behind {@code /feed}: a guild's subscriptions, filter updates, feed removal, posts in 24 h. */
class FeedCommandQueriesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final long GUILD = 1;
    private static final long OTHER_GUILD = 2;

    private Database db;
    private FeedStore feeds;
    private ArticleStore articles;
    private SubscriptionStore subscriptions;
    private DeliveryStore deliveries;

    @BeforeEach
    void open(Database database) {
        db = database;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
    }

    private Subscription subscribe(long feed, long channel, long guild) {
        return subscriptions.findById(subscriptions.upsert(feed, channel, guild, null, null, null, SubscriptionSource.COMMAND, T0))
                .orElseThrow();
    }

    private long article(long feed, String id) {
        Article article = ArticleStoreTest.article(id, T0);
        return articles.insertIfNew(feed, List.of(article), T0).get(0).id();
    }

    private void sent(Subscription s, long article, Instant at) {
        deliveries.enqueue(s, article, at);
        Delivery d = deliveries.claimNext(s.channelId(), at).orElseThrow();
        deliveries.markSent(d.id(), "m" + d.id(), at);
    }

    @StoreTest
    void listsOnlyTheGuildsSubscriptionsByChannel() {
        long a = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(5));
        long b = feeds.add("https://b.example/feed", T0, Duration.ofMinutes(5));
        subscribe(a, 30, GUILD);
        subscribe(b, 10, GUILD);
        subscribe(a, 50, OTHER_GUILD);
        assertThat(subscriptions.listForGuild(GUILD)).extracting(Subscription::channelId).containsExactly(10L, 30L);
    }

    @StoreTest
    void updatesFiltersOnly() {
        long a = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(5));
        Subscription s = subscribe(a, 10, GUILD);
        subscriptions.pause(s.id(), "Missing Access");
        assertThat(subscriptions.updateFilters(s.id(), "security", "cve", null)).isTrue();
        Subscription after = subscriptions.findById(s.id()).orElseThrow();
        assertThat(after.audience()).isEqualTo("security");
        assertThat(after.include()).isEqualTo("cve");
        assertThat(after.pausedReason()).isEqualTo("Missing Access");
        assertThat(subscriptions.updateFilters(999, null, null, null)).isFalse();
    }

    @StoreTest
    void aFeedIsDeletedWithItsArticlesOnlyOnceNobodySubscribes() {
        long a = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(5));
        Subscription s = subscribe(a, 10, GUILD);
        sent(s, article(a, "x"), T0);
        assertThat(feeds.deleteIfUnsubscribed(a)).as("a subscribed feed stays").isFalse();
        assertThat(feeds.findById(a)).isPresent();
        subscriptions.delete(s.id());
        assertThat(feeds.deleteIfUnsubscribed(a)).isTrue();
        assertThat(feeds.findById(a)).isEmpty();
        assertThat(articles.listByFeed(a, 10)).isEmpty();
        assertThat(subscriptions.findById(s.id())).isEmpty();
        assertThat(deliveries.listForSubscription(s.id())).isEmpty();
        assertThat(feeds.claimDue(T0.plusSeconds(3600), Duration.ofMinutes(1), 10)).isEmpty();
    }

    @StoreTest
    void countsMessagesSentInTheWindowPerFeedForTheGuild() {
        long a = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(5));
        long b = feeds.add("https://b.example/feed", T0, Duration.ofMinutes(5));
        Subscription mineA = subscribe(a, 10, GUILD);
        Subscription mineB = subscribe(b, 10, GUILD);
        Subscription theirsA = subscribe(a, 50, OTHER_GUILD);
        long a1 = article(a, "a1");
        long a2 = article(a, "a2");
        long b1 = article(b, "b1");
        Instant now = T0.plus(Duration.ofDays(2));
        sent(mineA, a1, now.minus(Duration.ofHours(25)));  // too old
        sent(mineA, a2, now.minus(Duration.ofHours(1)));
        sent(theirsA, a2, now.minus(Duration.ofHours(1))); // another guild
        sent(mineB, b1, now.minus(Duration.ofMinutes(5)));
        deliveries.enqueue(mineB, article(b, "b2"), now);  // pending, not sent
        assertThat(deliveries.countSentSinceByFeed(GUILD, now.minus(Duration.ofHours(24)))).isEqualTo(Map.of(a, 1, b, 1));
    }
}
