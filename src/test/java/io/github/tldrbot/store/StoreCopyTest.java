package io.github.tldrbot.store;

import static io.github.tldrbot.store.StoreCopyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.feed.Article;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreCopy}: a SQLite store filled through the stores, copied to a real PostgreSQL and read back. */
class StoreCopyTest {
    /** The tables {@link StoreCopyFixture} puts rows in: every table of the schema when this was written. */
    static final List<String> TABLES = List.of("article_audiences", "articles", "audience_roles", "card_cache", "cards",
            "deliveries", "feeds", "page_texts", "processes", "recap_schedules", "shard_leases", "story_posts", "subscriptions", "websub_subscriptions");

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        open.add(resource);
        return resource;
    }

    /** A SQLite store filled by {@link StoreCopyFixture}, reopened as migrate-store opens it. */
    private Database filledSqlite(int extraArticles) {
        TestDatabase sqlite = closing(TestDatabase.sqlite());
        new StoreCopyFixture(sqlite.database()).fill(extraArticles);
        return closing(StoreCopy.openSource(sqlite.storage().jdbcUrl()));
    }

    @Test
    void copiesEveryTableSoThatThePostgresStoresReadBackTheSame() {
        Database source = filledSqlite(30);
        TestDatabase pg = closing(TestDatabase.postgres(false));
        Database target = closing(StoreCopy.openTarget(pg.storage()));
        Map<String, Long> before = sqliteSequences(source);
        List<StoreCopy.CopiedTable> progress = new ArrayList<>();

        StoreCopy.Report report = new StoreCopy(source, target, 7).copy(progress::add);

        assertThat(progress).isEqualTo(report.tables());
        List<String> order = report.tables().stream().map(StoreCopy.CopiedTable::name).toList();
        assertThat(order).as("every table of the schema but Flyway's, whatever migrations added")
                .containsExactlyInAnyOrderElementsOf(postgresTables(target)).containsAll(TABLES);
        assertThat(order.indexOf("feeds")).isLessThan(order.indexOf("articles"));
        assertThat(order.indexOf("articles")).isLessThan(order.indexOf("cards"));
        assertThat(order.indexOf("cards")).isLessThan(order.indexOf("article_audiences"));
        assertThat(order.indexOf("subscriptions")).isLessThan(order.indexOf("deliveries"));
        assertThat(order.indexOf("deliveries")).isLessThan(order.indexOf("story_posts"));
        for (String table : order) {
            List<String> columns = copiedColumns(target, table);
            assertThat(StoreCopyFixture.rows(target, table, columns)).as(table)
                    .isEqualTo(StoreCopyFixture.rows(source, table, columns));
        }
        assertThat(TABLES).allSatisfy(table -> assertThat(RecapBenchData.rows(target, table)).as(table).isPositive());
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.rows()).isEqualTo(RecapBenchData.rows(source, t.name())));

        // read back as the bot opens it: storage.jdbcUrl = the target's URL
        Database bot = pg.database();
        StoreCopyFixture onSqlite = new StoreCopyFixture(source);
        StoreCopyFixture onPostgres = new StoreCopyFixture(bot);
        assertThat(onPostgres.contents()).isEqualTo(onSqlite.contents());
        List<Long> found = onPostgres.topicSearch(new RecapStore(bot));
        assertThat(found).as("/recap topic: on the copied articles (tsvector filled)").hasSize(2)
                .isEqualTo(onSqlite.topicSearch(new RecapStore(source)));

        // new rows on PostgreSQL get ids past every id SQLite ever gave out, the pruned and deleted ones too
        assertThat(report.sequences()).extracting(StoreCopy.SequenceReset::table)
                .containsExactlyInAnyOrder("feeds", "articles", "subscriptions", "deliveries", "recap_schedules", "post_skips", "websub_subscriptions");
        assertThat(report.sequences()).allSatisfy(s -> assertThat(s.next()).isEqualTo(before.get(s.table()) + 1));
        long feed = onPostgres.feeds.add("https://new.example/feed", T0, Duration.ofMinutes(15));
        assertThat(feed).isEqualTo(before.get("feeds") + 1);
        StoredArticle article = onPostgres.articles.insertIfNew(feed, List.of(new Article("n1", null, "New vulnerability",
                "https://new.example/1", T0, null, null, List.of(), "s", null, null)), T0).get(0);
        assertThat(article.id()).isEqualTo(before.get("articles") + 1);
        long sub = onPostgres.subscriptions.upsert(feed, 999, StoreCopyFixture.GUILD, null, null, null, SubscriptionSource.COMMAND, T0);
        assertThat(sub).isEqualTo(before.get("subscriptions") + 1);
        assertThat(onPostgres.deliveries.enqueue(onPostgres.subscriptions.findById(sub).orElseThrow(), article.id(), T0)).isTrue();
        assertThat(onPostgres.deliveries.listForSubscription(sub)).singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(before.get("deliveries") + 1));
        assertThat(onPostgres.schedules.add(1, 2, "day", null, "10:00", null, "0 0 10 * * ?", T0).id())
                .isEqualTo(before.get("recap_schedules") + 1);
        assertThat(onPostgres.topicSearch(new RecapStore(bot))).as("a new article is searchable too")
                .hasSize(3).contains(article.id());
    }

    @Test
    void refusesATargetThatAlreadyHoldsDataAndLeavesItAsItWas() {
        Database source = filledSqlite(0);
        TestDatabase pg = closing(TestDatabase.postgres(true));
        Database target = closing(StoreCopy.openTarget(pg.storage()));
        long feed = new FeedStore(pg.database()).add("https://already.example/feed", T0, Duration.ofMinutes(5));

        assertThatThrownBy(() -> new StoreCopy(source, target, 100).copy(t -> { }))
                .isInstanceOf(StoreCopyRefusedException.class)
                .hasMessageContaining("already holds data (in feeds)").hasMessageNotContaining("\n");

        assertThat(new FeedStore(target).listAll()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(feed));
        for (String table : TABLES) {
            assertThat(RecapBenchData.rows(target, table)).as(table).isEqualTo(table.equals("feeds") ? 1 : 0);
        }
    }

    @Test
    void aFailureHalfWayLeavesTheTargetEmptyAndARetryAfterTheFixSucceeds() {
        Database source = filledSqlite(3);
        // SQLite does not enforce VARCHAR lengths; PostgreSQL does, when the outbox (copied late) arrives
        long delivery = source.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET message_id = ? WHERE id = (SELECT min(id) FROM deliveries)"
                    + " RETURNING id")) {
                update.setString(1, "9".repeat(40));
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        TestDatabase pg = closing(TestDatabase.postgres(false));
        Database target = closing(StoreCopy.openTarget(pg.storage()));

        assertThatThrownBy(() -> new StoreCopy(source, target, 2).copy(t -> { }))
                .isInstanceOf(DatabaseException.class).isNotInstanceOf(StoreCopyRefusedException.class)
                .hasMessageContaining("copying table deliveries").hasMessageContaining("value too long")
                .hasMessageNotContaining("\n");
        for (String table : TABLES) {
            assertThat(RecapBenchData.rows(target, table)).as(table).isZero();
        }

        source.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET message_id = '42' WHERE id = ?")) {
                update.setLong(1, delivery);
                return update.executeUpdate();
            }
        });
        StoreCopy.Report report = new StoreCopy(source, target, 2).copy(t -> { });
        assertThat(report.rows()).isPositive();
        assertThat(RecapBenchData.rows(target, "deliveries")).isEqualTo(RecapBenchData.rows(source, "deliveries"));
    }

    @Test
    void aValueOfTheWrongKindStopsTheCopyNamingTheRow() {
        Database source = filledSqlite(0);
        execute(source, "UPDATE feeds SET created_at = 'yesterday' WHERE id = 1");
        Database target = closing(StoreCopy.openTarget(closing(TestDatabase.postgres(true)).storage()));

        assertThatThrownBy(() -> new StoreCopy(source, target, 10).copy(t -> { }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("feeds.created_at of the row with id=1: 'yesterday' (text) where an integer belongs");
        assertThat(RecapBenchData.rows(target, "feeds")).isZero();
    }

    @Test
    void aTableALaterMigrationAddsIsCopiedWithoutAnyChangeToTheCopy() {
        Database source = filledSqlite(0);
        Database target = closing(StoreCopy.openTarget(closing(TestDatabase.postgres(true)).storage()));
        String columns = "article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE, note TEXT,"
                + " pinned BOOLEAN NOT NULL DEFAULT FALSE, created_at BIGINT NOT NULL)";
        execute(source, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, " + columns);
        execute(source, "INSERT INTO bookmarks (article_id, note, pinned, created_at) SELECT id, 'read later', TRUE, 42 FROM articles");
        execute(target, "CREATE TABLE bookmarks (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, " + columns);

        StoreCopy.Report report = new StoreCopy(source, target, 3).copy(t -> { });

        List<String> order = report.tables().stream().map(StoreCopy.CopiedTable::name).toList();
        assertThat(order.indexOf("bookmarks")).isGreaterThan(order.indexOf("articles"));
        List<String> all = List.of("id", "article_id", "note", "pinned", "created_at");
        assertThat(StoreCopyFixture.rows(target, "bookmarks", all)).isEqualTo(StoreCopyFixture.rows(source, "bookmarks", all))
                .hasSize(4);
        assertThat(report.sequences()).contains(new StoreCopy.SequenceReset("bookmarks", "id", 5));
    }

    @Test
    void aTableOnOneSideOnlyStopsTheCopyBeforeItStarts() {
        Database source = filledSqlite(0);
        Database target = closing(StoreCopy.openTarget(closing(TestDatabase.postgres(true)).storage()));
        execute(source, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");

        assertThatThrownBy(() -> new StoreCopy(source, target, 10).copy(t -> { }))
                .isInstanceOf(StoreCopyRefusedException.class)
                .hasMessageContaining("tables only in the SQLite file [notes], only in PostgreSQL []");
        assertThat(RecapBenchData.rows(target, "feeds")).isZero();
    }

    private static void execute(Database db, String sql) {
        db.write(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                return statement.executeUpdate();
            }
        });
    }

    @Test
    void refusesDatabasesOfTheWrongKindWithoutCreatingAnything() throws Exception {
        Path missing = dir.resolve("nope").resolve("tldr-bot.db");
        assertThatThrownBy(() -> StoreCopy.openSource("jdbc:sqlite:" + missing))
                .isInstanceOf(StoreCopyRefusedException.class).hasMessageContaining("no such file");
        assertThat(dir.resolve("nope")).doesNotExist();
        assertThatThrownBy(() -> StoreCopy.openSource("jdbc:postgresql://localhost/x?password=hunter2"))
                .isInstanceOf(StoreCopyRefusedException.class).hasMessageContaining("is not a SQLite database")
                .hasMessageNotContaining("hunter2");
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        assertThatThrownBy(() -> StoreCopy.openSource("jdbc:sqlite:" + other))
                .isInstanceOf(StoreCopyRefusedException.class).hasMessageContaining("holds no tldr-bot store");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all, just some text that is long enough. ".repeat(20));
        assertThatThrownBy(() -> StoreCopy.openSource("jdbc:sqlite:" + text))
                .isInstanceOf(StoreCopyRefusedException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> StoreCopy.openTarget(new StorageConfig("jdbc:sqlite:" + dir.resolve("t.db"), "", "")))
                .isInstanceOf(StoreCopyRefusedException.class).hasMessageContaining("is not a PostgreSQL database");
        assertThat(dir.resolve("t.db")).doesNotExist();

        Database sqlite = closing(TestDatabase.sqlite()).database();
        Database alsoSqlite = closing(TestDatabase.sqlite()).database();
        assertThatThrownBy(() -> new StoreCopy(sqlite, alsoSqlite, 10)).isInstanceOf(StoreCopyRefusedException.class);
    }

    @Test
    void anUnreachableTargetIsOneLineWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StorageConfig nowhere = new StorageConfig("jdbc:postgresql://127.0.0.1:" + port + "/tldrbot", "bot", "s3cret-pw");
        assertThatThrownBy(() -> StoreCopy.openTarget(nowhere))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot open jdbc:postgresql://127.0.0.1:" + port + "/tldrbot as 'bot'")
                .hasMessageNotContaining("s3cret-pw").hasMessageNotContaining("\n");
    }

    /** PostgreSQL's tables, without Flyway's history. */
    static List<String> postgresTables(Database postgres) {
        return postgres.read(c -> {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE"
                    + " table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
            return tables;
        });
    }

    /** The columns migrate-store writes (PostgreSQL's own, without generated ones). */
    static List<String> copiedColumns(Database postgres, String table) {
        return postgres.read(c -> {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE"
                    + " table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
                select.setString(1, table);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        columns.add(row.getString(1));
                    }
                }
            }
            return columns;
        });
    }

    /** The largest id SQLite ever gave out per AUTOINCREMENT table. */
    static Map<String, Long> sqliteSequences(Database sqlite) {
        return sqlite.read(c -> {
            Map<String, Long> seq = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name, seq FROM sqlite_sequence");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    seq.put(row.getString(1), row.getLong(2));
                }
            }
            return seq;
        });
    }
}
