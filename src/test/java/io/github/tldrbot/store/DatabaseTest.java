package io.github.tldrbot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
        String applied = "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL";
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

    @Test
    void aFailedWriteRollsBackAndNestedWorkJoinsTheOuterTransaction() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("r.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('u', 0, 1, 0)");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isZero();

            // a nested write joins: it sees nothing committed yet, its rows go when the outer work fails
            assertThatThrownBy(() -> db.transaction(() -> {
                db.write(c -> update(c, "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('a', 0, 1, 0)"));
                assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1); // the read joins too
                throw new java.io.IOException("refused");
            })).isInstanceOf(java.io.IOException.class).hasMessage("refused");
            assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isZero();
            db.transaction(() -> db.write(c -> update(c,
                    "INSERT INTO feeds (url, next_poll_at, poll_interval_ms, created_at) VALUES ('b', 0, 1, 0)")));
            assertThat(count(db, "SELECT COUNT(*) FROM feeds")).isEqualTo(1);
            assertThatThrownBy(() -> db.read(c -> update(c, "INSERT INTO nowhere VALUES (1)")))
                    .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage: read failed");
        }
    }

    @Test
    void refusesInMemoryAndNonSqliteUrlsWithAMessageNamingTheKey() {
        assertThatThrownBy(() -> new Database("jdbc:sqlite::memory:"))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage.jdbcUrl:");
        assertThatThrownBy(() -> new Database("jdbc:postgresql://localhost/x"))
                .isInstanceOf(DatabaseException.class).hasMessageStartingWith("storage.jdbcUrl:");
    }

    @Test
    void concurrentWritersAndReadersNeverSeeBusy() throws Exception {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("c.db"))) {
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
        assertThat(Files.exists(dir.resolve("c.db"))).isTrue();
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
