package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;
import org.junit.jupiter.api.BeforeEach;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code post_skips}, {@code moderator_pauses} and the reads of {@code /feed why}, on SQLite and PostgreSQL. */
class PostHistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Database db;
    private ArticleStore articles;
    private SubscriptionStore subscriptions;
    private DeliveryStore deliveries;
    private PostHistoryStore history;
    private ModeratorPauseStore pauses;
    private long feed;

    @BeforeEach
    void open(Database database) {
        db = database;
        articles = new ArticleStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
        history = new PostHistoryStore(db);
        pauses = new ModeratorPauseStore(db);
        feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
    }

    private Subscription subscribe(long channel) {
        long id = subscriptions.upsert(feed, channel, 1L, null, null, null, SubscriptionSource.COMMAND, T0);
        return subscriptions.findById(id).orElseThrow();
    }

    private long article(String id) {
        return articles.insertIfNew(feed, List.of(ArticleStoreTest.article(id, T0)), T0).get(0).id();
    }

    private int skipRows() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM post_skips"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @StoreTest
    void theChoosersFloodSkipsAreStoredFeedWideWithTheArticlesAndSeedingStoresNone() {
        Subscription sub = subscribe(100);
        articles.insertIfNew(feed, List.of(ArticleStoreTest.article("seed", T0)), T0);
        assertThat(skipRows()).as("a seed writes no reason rows").isZero();

        List<Article> poll = List.of(ArticleStoreTest.article("a", T0), ArticleStoreTest.article("b", T0));
        NewArticles stored = articles.insertIfNew(feed, poll, T0.plusSeconds(60), new PostChooser() {
            @Override
            public List<StoredArticle> choose(List<StoredArticle> fresh) {
                return fresh.subList(0, 1);
            }

            @Override
            public List<PostSkip> skips(List<StoredArticle> fresh, List<StoredArticle> chosen) {
                return List.of(PostSkip.feedWide(fresh.get(1).id(), SkipReason.FLOOD, "1"));
            }
        });

        long held = stored.fresh().get(1).id();
        PostHistory h = history.history(held, sub.id());
        assertThat(h.postState()).isNull();
        assertThat(h.delivery()).isEmpty();
        assertThat(h.skips()).containsExactly(new PostSkip(held, null, SkipReason.FLOOD, "1"));
        assertThat(history.history(stored.fresh().get(0).id(), sub.id()).postState()).isEqualTo("pending");
    }

    @StoreTest
    void skipsAreWrittenWithTheOutboxRowsOncePerPairAndReadPerSubscription() {
        Subscription posted = subscribe(100);
        Subscription filtered = subscribe(200);
        long a = article("a");

        int added = deliveries.enqueueAll(List.of(posted), List.of(PostSkip.of(a, filtered.id(), SkipReason.EXCLUDE, "rust")), a, T0);
        deliveries.enqueueAll(List.of(posted), List.of(PostSkip.of(a, filtered.id(), SkipReason.EXCLUDE, "go")), a, T0);

        assertThat(added).isEqualTo(1);
        assertThat(history.history(a, filtered.id()).skips()).containsExactly(PostSkip.of(a, filtered.id(), SkipReason.EXCLUDE, "rust"));
        assertThat(history.history(a, filtered.id()).delivery()).isEmpty();
        PostHistory sent = history.history(a, posted.id());
        assertThat(sent.skips()).isEmpty();
        assertThat(sent.delivery()).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));
    }

    @StoreTest
    void anEditShowsTheDeliveryOfTheStoryCardItEdits() {
        Subscription sub = subscribe(100);
        long first = article("first");
        long second = article("second");
        articles.setStories(Map.of(first, first, second, first));
        deliveries.enqueue(sub, first, T0);
        long card = deliveries.listForSubscription(sub.id()).get(0).id();
        deliveries.markSent(card, "555", T0);
        deliveries.enqueue(sub, second, T0.plusSeconds(5));

        PostHistory h = history.history(second, sub.id());
        assertThat(h.delivery()).hasValueSatisfying(d -> assertThat(d.editOf()).isEqualTo(card));
        assertThat(h.edited()).hasValueSatisfying(d -> assertThat(d.messageId()).isEqualTo("555"));
    }

    @StoreTest
    void articlesAreFoundByLinkAndByAllTitleWordsWithinTheGivenFeedsOnly() {
        long a = article("a");
        article("b");
        long other = new FeedStore(db).add("https://b.example/feed", T0, Duration.ofMinutes(15));
        articles.insertIfNew(other, List.of(ArticleStoreTest.article("a", T0)), T0);

        assertThat(history.findByLink(List.of(feed), List.of("https://nowhere.example/", "https://example.org/a"), 5))
                .extracting(StoredArticle::id).containsExactly(a);
        assertThat(history.searchTitles(List.of(feed), List.of("TITLE", "a"), 5)).extracting(StoredArticle::id).contains(a);
        assertThat(history.searchTitles(List.of(feed), List.of("title"), 5)).hasSize(2);
        assertThat(history.searchTitles(List.of(feed), List.of("title", "zzz"), 5)).isEmpty();
        assertThat(history.searchTitles(List.of(feed), List.of("%"), 5)).as("LIKE wildcards are literal").isEmpty();
    }

    @StoreTest
    void pausedSkipsSinceThePauseAreListedNewestFirstCappedThenReturnedOldestFirst() {
        Subscription sub = subscribe(100);
        long[] ids = new long[4];
        for (int i = 0; i < ids.length; i++) {
            Instant seen = T0.plusSeconds(60L * (i + 1));
            ids[i] = articles.insertIfNew(feed, List.of(ArticleStoreTest.article("p" + i, seen)), seen).get(0).id();
            deliveries.enqueueAll(List.of(), List.of(PostSkip.of(ids[i], sub.id(), SkipReason.PAUSED, "paused by a moderator")),
                    ids[i], seen);
        }
        assertThat(history.listPausedSince(sub.id(), T0.plusSeconds(120), 2)).containsExactly(ids[2], ids[3]);
        assertThat(history.listPausedSince(sub.id(), T0.plusSeconds(240), 5)).containsExactly(ids[3]);

        history.forgetSkip(sub.id(), ids[3]);
        assertThat(history.history(ids[3], sub.id()).skips()).isEmpty();
    }

    @StoreTest
    void prunedArticlesAndRemovedSubscriptionsTakeTheirSkipsWithThem() {
        Subscription sub = subscribe(100);
        Subscription gone = subscribe(200);
        long old = articles.insertIfNew(feed, List.of(ArticleStoreTest.article("old", T0)), T0).get(0).id();
        Instant later = T0.plus(Duration.ofDays(10));
        long young = articles.insertIfNew(feed, List.of(ArticleStoreTest.article("young", later)), later).get(0).id();
        deliveries.enqueueAll(List.of(), List.of(PostSkip.of(old, sub.id(), SkipReason.INCLUDE, "x"),
                PostSkip.feedWide(old, SkipReason.FLOOD, "5")), old, T0);
        deliveries.enqueueAll(List.of(), List.of(PostSkip.of(young, sub.id(), SkipReason.INCLUDE, "x"),
                PostSkip.of(young, gone.id(), SkipReason.AUDIENCE, "developers")), young, later);
        assertThat(skipRows()).isEqualTo(4);

        articles.prune(T0.plus(Duration.ofDays(5)));
        assertThat(skipRows()).isEqualTo(2);
        subscriptions.delete(gone.id());
        assertThat(skipRows()).isEqualTo(1);
    }

    @StoreTest
    void aModeratorPauseIsNeitherProbedNorResumedByTheWorkerAndKeepsItsFirstTime() {
        Subscription sub = subscribe(100);
        ModeratorPause pause = pauses.pause(sub.id(), 42, "paused by a moderator", T0);
        assertThat(pause).isEqualTo(new ModeratorPause(sub.id(), 42, T0));
        assertThat(pauses.pause(sub.id(), 43, "paused by a moderator", T0.plusSeconds(9))).isEqualTo(pause);
        Subscription paused = subscriptions.findById(sub.id()).orElseThrow();
        assertThat(paused.status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(paused.pauseAnnounced()).as("a moderator's pause is not announced").isTrue();

        assertThat(subscriptions.probe(sub.id())).isFalse();
        assertThat(subscriptions.resume(sub.id())).isFalse();
        assertThat(subscriptions.pause(sub.id(), "Missing Access")).isFalse();
        assertThat(pauses.listForGuild(1L)).containsOnlyKeys(sub.id());

        assertThat(pauses.resume(sub.id())).contains(pause);
        assertThat(subscriptions.findById(sub.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(pauses.find(sub.id())).isEmpty();
        assertThat(pauses.resume(sub.id())).isEmpty();
    }

    @StoreTest
    void aModeratorCanTakeOverAndLiftTheBotsOwnPause() {
        Subscription sub = subscribe(100);
        subscriptions.pause(sub.id(), "Missing Access");
        assertThat(pauses.resume(sub.id())).as("no moderator pause was lifted").isEmpty();
        assertThat(subscriptions.findById(sub.id()).orElseThrow().pausedReason()).isNull();

        subscriptions.pause(sub.id(), "Missing Access");
        pauses.pause(sub.id(), 7, "paused by a moderator", T0);
        assertThat(subscriptions.findById(sub.id()).orElseThrow().pausedReason()).isEqualTo("paused by a moderator");
        assertThat(subscriptions.probe(sub.id())).isFalse();
    }
}
