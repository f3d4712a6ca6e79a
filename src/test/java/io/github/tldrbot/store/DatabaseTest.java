package io.github.tldrbot.store;

import io.github.tldrbot.config.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAFreshFileCreatingItsDirectoryAndReopensWithoutMigratingAgain() {
        Path file = dir.resolve("nested/data/bot.db");
        String url = "jdbc:sqlite:" + file;
        String applied = "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL";
        long migrations;
        try (Database db = new Database(url)) {
            assertThat(tables(db)).contains("feeds", "articles", "cards", "article_audiences",
                    "subscriptions", "deliveries", "audience_roles");
            migrations = count(db, applied);
            assertThat(migrations).isGreaterThanOrEqualTo(2);
            db.write(c -> update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('u', 0, 1, 0)"));
        }
        assertThat(file).exists();
        try (Database db = new Database(url)) {
            assertThat(count(db, applied)).isEqualTo(migrations);
            assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1);
        }
    }

    @Test
    void everyPooledConnectionHasThePragmas() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("p.db"))) {
            // Nested reads hold several pooled connections at once, so this sees more than one.
            List<String> seen = db.read(c1 -> db.read(c2 -> db.read(c3 -> {
                List<String> all = new ArrayList<>();
                for (Connection c : List.of(c1, c2, c3)) {
                    all.add(pragma(c, "journal_mode") + "/" + pragma(c, "foreign_keys") + "/"
                            + pragma(c, "busy_timeout") + "/" + pragma(c, "synchronous"));
                }
                return all;
            })));
            assertThat(seen).hasSize(3).containsOnly("wal/1/10000/1");
        }
    }

    @StoreTest
    void migratesAnEmptyDatabaseAndReopensWithoutMigratingAgain(StoreKind kind) {
        String applied = "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL";
        try (TestDatabase empty = kind.create(false)) {
            long migrations;
            try (Database db = empty.open()) {
                assertThat(tables(db)).contains("feeds", "articles", "cards", "article_audiences",
                        "subscriptions", "deliveries", "audience_roles", "story_posts", "pending_posts");
                if (kind == StoreKind.POSTGRESQL) {
                    assertThat(count(db, "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'articles'::regclass"
                            + " AND attname = 'search_vector'")).as("V19: rare topic words planned from a large sample").isEqualTo(1000);
                }
                migrations = count(db, applied);
                assertThat(migrations).isGreaterThanOrEqualTo(10);
                db.write(c -> update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('u', 0, 1, 0)"));
            }
            try (Database db = empty.open()) {
                assertThat(count(db, applied)).isEqualTo(migrations);
                assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1);
            }
        }
    }

    @Test
    void theSqliteFullTextMigrationKeepsTheChecksumExistingInstallationsRecorded() {
        // V3__recap.sql moved to db/sqlite unchanged: Flyway validates every applied script's checksum at start.
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("v3.db"))) {
            assertThat(count(db, "SELECT checksum FROM flyway_schema_history WHERE version = '3'")).isEqualTo(1302668950L);
        }
    }

    @StoreTest
    void aFailedWriteRollsBackAndNestedWorkJoinsTheOuterTransaction(Database db) {
        assertThatThrownBy(() -> db.write(c -> {
            update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('u', 0, 1, 0)");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isZero();

        // a nested write joins: its rows go when the outer work fails, and a read inside sees them
        assertThatThrownBy(() -> db.transaction(() -> {
            db.write(c -> update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('a', 0, 1, 0)"));
            assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1);
            throw new java.io.IOException("refused");
        })).isInstanceOf(java.io.IOException.class).hasMessage("refused");
        assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isZero();
        db.transaction(() -> db.write(c -> update(c,
                "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('b', 0, 1, 0)")));
        assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1);
        assertThatThrownBy(() -> db.read(c -> update(c, "INSERT INTO nowhere VALUES (1)")))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage: read failed");
    }

    @StoreTest
    void afterCommitActionsRunOnceTheRowsAreVisibleToOthersAndNeverAfterARollback(Database db) throws Exception {
        java.util.List<Long> seenByAnotherThread = new java.util.ArrayList<>();
        Runnable countFromAnotherThread = () -> {
            java.util.concurrent.FutureTask<Long> read = new java.util.concurrent.FutureTask<>(
                    () -> count(db, "SELECT COUNT(*) FROM feeds"));
            new Thread(read).start();
            try {
                seenByAnotherThread.add(read.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        db.transaction(() -> db.write(c -> {
            update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('a', 0, 1, 0)");
            db.afterCommit(countFromAnotherThread);
            return null;
        }));
        assertThat(seenByAnotherThread).as("run after the commit, so another connection sees the row").containsExactly(1L);

        assertThatThrownBy(() -> db.write(c -> {
            db.afterCommit(() -> seenByAnotherThread.add(-1L));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(seenByAnotherThread).as("not after a rollback").containsExactly(1L);

        db.afterCommit(countFromAnotherThread);
        assertThat(seenByAnotherThread).as("outside a transaction: at once").containsExactly(1L, 1L);
    }

    @Test
    void refusesInMemoryAndUnknownUrlsWithAMessageNamingTheKeyAndBothForms() {
        assertThatThrownBy(() -> new Database("jdbc:sqlite::memory:"))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage.jdbcUrl:");
        assertThatThrownBy(() -> new Database("jdbc:mysql://localhost/x?password=secret"))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage.jdbcUrl:")
                .hasMessageContaining("jdbc:sqlite:").hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anUnreachablePostgresServerIsOneLineNamingTheKeyNeverThePassword() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/tldr";
        assertThatThrownBy(() -> Database.open(new StorageConfig(url, "bot", "s3cret")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("storage.jdbcUrl: cannot connect to " + url + " as 'bot': ")
                .hasMessageContaining("storage.username and storage.password")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @StoreTest
    void concurrentWritersAndReadersNeverFail(Database db) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 100; i++) {
                        String url = "https://example.org/" + thread + "/" + i;
                        db.write(c -> update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at)"
                                + " VALUES ('" + url + "', 0, 1, 0)"));
                        count(db, "SELECT COUNT(*) FROM feeds");
                    }
                    return 100;
                });
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(100);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(800);
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    names.add(r.getString("TABLE_NAME"));
                }
            }
            return names;
        });
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
