package io.github.tldrbot.store;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.feed.Article;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Database db;
    private FeedStore feeds;
    private ArticleStore articles;
    private CardStore cards;

    @BeforeEach
    void open(Database database) {
        db = database;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
    }

    static Article article(String id, Instant published) {
        return new Article(id, "guid-" + id, "Title " + id, "https://example.org/" + id, published, null,
                "Ann Author", List.of("java", "release"), "Summary of " + id, "Body of " + id, "https://example.org/" + id + ".png");
    }

    @StoreTest
    void identityIsUniquePerFeedNotAcrossFeeds() {
        long a = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        long b = feeds.add("https://b.example/feed", T0, Duration.ofMinutes(15));

        List<StoredArticle> first = articles.insertIfNew(a, List.of(article("x", T0), article("y", T0)), T0);
        assertThat(first).extracting(s -> s.article().id()).containsExactly("x", "y");
        assertThat(first.get(0).article().contentText()).as("the caller's article comes back").isEqualTo("Body of x");

        List<StoredArticle> again = articles.insertIfNew(a, List.of(article("y", T0), article("z", T0), article("z", T0)), T0);
        assertThat(again).extracting(s -> s.article().id()).as("known and repeated identities are not new").containsExactly("z");

        assertThat(articles.insertIfNew(b, List.of(article("x", T0)), T0)).hasSize(1);
        assertThat(articles.listByFeed(a, 100)).hasSize(3);
        assertThat(articles.listByFeed(b, 100)).hasSize(1);
    }

    @StoreTest
    void chosenArticlesStayPendingUntilPostedEvenWhenTheFirstChoiceFellOnAStoredIdentity() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        articles.insertIfNew(feed, List.of(article("y", T0)), T0);
        PostChooser firstOnly = fresh -> fresh.isEmpty() ? List.of() : List.of(fresh.get(0));

        // asked before the insert, the chooser picks "y", which is stored already; asked about what
        // was really new, it picks "z": "z" must end up pending, "y" and "w" untouched
        NewArticles stored = articles.insertIfNew(feed, List.of(article("y", T0), article("z", T0), article("w", T0)), T0, firstOnly);
        assertThat(stored.toPost()).extracting(s -> s.article().id()).containsExactly("z");
        assertThat(articles.listPendingPosts()).extracting(s -> s.article().id()).containsExactly("z");
        PostHistoryStore history = new PostHistoryStore(db);
        long z = stored.toPost().get(0).id();
        long w = stored.fresh().get(1).id();
        assertThat(history.history(z, 0).postState()).isEqualTo("pending");
        assertThat(history.history(w, 0).postState()).as("never chosen").isNull();

        articles.markPosted(z);
        assertThat(articles.listPendingPosts()).isEmpty();
        assertThat(history.history(z, 0).postState()).isEqualTo("done");

        // chosen twice in one batch (a repeated identity): one row, pending once
        NewArticles repeated = articles.insertIfNew(feed, List.of(article("v", T0), article("v", T0)), T0, fresh -> fresh);
        assertThat(repeated.toPost()).hasSize(1);
        assertThat(articles.listPendingPosts()).extracting(s -> s.article().id()).containsExactly("v");
    }

    @StoreTest
    void storedArticlesRoundTrip() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        StoredArticle stored = articles.insertIfNew(feed, List.of(article("x", T0.minusSeconds(5))), T0).get(0);

        StoredArticle read = articles.findById(stored.id()).orElseThrow();
        assertThat(read.feedId()).isEqualTo(feed);
        assertThat(read.firstSeenAt()).isEqualTo(T0);
        Article expected = article("x", T0.minusSeconds(5));
        assertThat(read.article()).usingRecursiveComparison().ignoringFields("contentText").isEqualTo(expected);
        assertThat(read.article().contentText()).isNull();
        assertThat(articles.findById(stored.id() + 1000)).isEmpty();
    }

    @StoreTest
    void languageRoundTripsAndMayBeUnknown() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        List<StoredArticle> stored = articles.insertIfNew(feed,
                List.of(article("de", T0).withLang("de"), article("unknown", T0)), T0);

        assertThat(articles.findById(stored.get(0).id()).orElseThrow().article().lang()).isEqualTo("de");
        assertThat(articles.findById(stored.get(1).id()).orElseThrow().article().lang()).isNull();
        assertThat(articles.listByFeed(feed, 10)).extracting(s -> s.article().lang()).containsExactlyInAnyOrder("de", null);
    }

    @StoreTest
    void migrationAddsANullableLanguageToArticlesStoredBefore(StoreKind kind) throws Exception {
        try (TestDatabase before = kind.create(false)) {
            StorageConfig storage = before.storage();
            SqlDialect dialect = SqlDialect.forJdbcUrl(storage.jdbcUrl());
            org.flywaydb.core.Flyway.configure().dataSource(storage.jdbcUrl(), storage.username(), storage.password())
                    .locations(dialect.migrationLocations()).placeholders(dialect.placeholders()).target("5").load().migrate();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(storage.jdbcUrl(), storage.username(), storage.password());
                 java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('https://old.example/feed', 0, 900000, 0)");
                st.executeUpdate("INSERT INTO articles (feed_id, identity, title, first_seen_at) VALUES (1, 'old', 'Old article', 0)");
            }

            ArticleStore migrated = new ArticleStore(before.database());
            StoredArticle old = migrated.listByFeed(1, 10).get(0);
            assertThat(old.article().title()).isEqualTo("Old article");
            assertThat(old.article().lang()).isNull();
            long fresh = migrated.insertIfNew(1, List.of(article("new", T0).withLang("ru")), T0).get(0).id();
            assertThat(migrated.findById(fresh).orElseThrow().article().lang()).isEqualTo("ru");
        }
    }

    @StoreTest
    void cardsRoundTripWithAudiencesInRankOrderAndCanBeReplaced() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        long id = articles.insertIfNew(feed, List.of(article("x", T0)), T0).get(0).id();
        Card card = new Card("Java 25 is out.", "A new release.", null, "Try it.",
                List.of(new AudienceRef("developers", "Developers & AI Engineers"), new AudienceRef("security", "Security")),
                List.of("one", "two"), "extractive");
        cards.save(id, card, T0);
        assertThat(cards.find(id)).contains(card);

        Card replaced = new Card("Other.", null, null, null, List.of(new AudienceRef("researchers", "Researchers")), List.of(), "openai:x");
        cards.save(id, replaced, T0.plusSeconds(1));
        assertThat(cards.find(id)).contains(replaced);
        assertThat(cards.find(id + 1)).isEmpty();
    }

    @StoreTest
    void pruneDeletesOldArticlesWithTheirCardsAndKeepsRecentOnes() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        Instant old = T0.minus(Duration.ofDays(100));
        List<StoredArticle> olds = articles.insertIfNew(feed, List.of(article("old1", old), article("old2", old)), old);
        StoredArticle recent = articles.insertIfNew(feed, List.of(article("new", T0)), T0).get(0);
        Card card = new Card("t", null, null, null, List.of(new AudienceRef("developers", "Developers")), List.of(), "extractive");
        for (StoredArticle s : olds) {
            cards.save(s.id(), card, old);
        }
        cards.save(recent.id(), card, T0);

        assertThat(articles.prune(T0.minus(Duration.ofDays(90)))).isEqualTo(2);

        assertThat(articles.listByFeed(feed, 10)).extracting(StoredArticle::id).containsExactly(recent.id());
        assertThat(cards.find(olds.get(0).id())).isEmpty();
        assertThat(cards.find(recent.id())).contains(card);
        assertThat(DatabaseTest.count(db, "SELECT COUNT(*) FROM cards")).isEqualTo(1);
        assertThat(DatabaseTest.count(db, "SELECT COUNT(*) FROM article_audiences")).isEqualTo(1);
        assertThat(articles.prune(T0.minus(Duration.ofDays(90)))).isZero();
    }

    @StoreTest
    void pruneWorksInBatchesBeyondOneBatch() {
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
        Instant old = T0.minus(Duration.ofDays(100));
        List<Article> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            many.add(article("a" + i, old));
        }
        articles.insertIfNew(feed, many, old);
        assertThat(articles.prune(T0)).isEqualTo(2_345);
        assertThat(articles.listByFeed(feed, 10)).isEmpty();
    }
}
