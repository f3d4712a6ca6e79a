package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.app.Main;
import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapBenchData;
import io.github.tldrbot.store.StoreCopy;
import io.github.tldrbot.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long {@code migrate-store} takes for a SQLite store of {@code -Dcopy.bench.articles} articles
 * (default 100,000): 2,000 feeds, subscriptions in two guilds, a card with 1–3 audiences per
 * article (RecapBenchData, the /recap benchmark's generator) and one sent delivery per article.
 * The SQLite file is generated once into {@code target/bench-copy-N.db} and reused; each run copies
 * it into a fresh database on the tests' embedded PostgreSQL. Measures the whole command through
 * {@link Main} (open and migrate both, copy, verify, VACUUM ANALYZE), then the copy alone for two
 * batch sizes. Run: {@code mvn -o -Pbench test -Dtest=StoreCopyBenchmark}.
 */
@Tag("benchmark")
class StoreCopyBenchmark {
    static final int ARTICLES = Integer.getInteger("copy.bench.articles", 100_000);
    static final int FEEDS = 2_000;
    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    /** {@code -Dcopy.bench.copyOnly=true}: skip the run through the command line. */
    static final boolean COPY_ONLY = Boolean.getBoolean("copy.bench.copyOnly");

    @Test
    void migrateStoreOfAHundredThousandArticles() throws Exception {
        Path file = Path.of("target", "bench-copy-" + ARTICLES + ".db").toAbsolutePath();
        String url = "jdbc:sqlite:" + file;
        prepare(file, url);
        StringBuilder report = new StringBuilder();
        try (Database sqlite = new Database(url)) {
            report.append(String.format(Locale.ROOT, "source: %s, %.1f MB; rows:", file.getFileName(), Files.size(file) / 1e6));
            for (String table : List.of("feeds", "subscriptions", "articles", "cards", "article_audiences", "deliveries")) {
                report.append(' ').append(table).append('=').append(RecapBenchData.rows(sqlite, table));
            }
            report.append('\n');
        }

        if (!COPY_ONLY) {
            wholeCommand(url, report);
        }

        String urlOptions = System.getProperty("copy.bench.urlOptions", "");
        for (int batch : new int[] {StoreCopy.DEFAULT_BATCH_SIZE, 100}) {
            try (TestDatabase pg = TestDatabase.postgres(true);
                 Database source = StoreCopy.openSource(url);
                 Database target = StoreCopy.openTarget(new StorageConfig(pg.storage().jdbcUrl() + urlOptions,
                         pg.storage().username(), pg.storage().password()))) {
                StoreCopy copy = new StoreCopy(source, target, batch);
                long start = System.nanoTime();
                long[] last = {start};
                StringBuilder perTable = new StringBuilder();
                StoreCopy.Report copied = copy.copy(t -> {
                    long now = System.nanoTime();
                    perTable.append(String.format(Locale.ROOT, " %s %.1f s;", t.name(), (now - last[0]) / 1e9));
                    last[0] = now;
                });
                double copySeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                copy.analyze(copied);
                double analyzeSeconds = (System.nanoTime() - start) / 1e9;
                report.append(String.format(Locale.ROOT, "copy alone, batch %d%s: %.1f s for %d rows (%.0f rows/s); VACUUM ANALYZE %.1f s%n"
                        + "  per table (from the previous table's end):%s%n", batch, urlOptions, copySeconds, copied.rows(),
                        copied.rows() / copySeconds, analyzeSeconds, perTable));
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-copy-report.md"), report);
    }

    private static void wholeCommand(String url, StringBuilder report) {
        try (TestDatabase pg = TestDatabase.postgres(false)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "migrate-store", "--from", url,
                    "--to", pg.storage().jdbcUrl(), "--to-username", pg.storage().username());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(code).as(out + "\n" + err).isZero();
            report.append(String.format(Locale.ROOT, "whole command (open + migrate both, copy, verify, VACUUM ANALYZE): %.1f s%n",
                    seconds));
            report.append(out);
            assertThat(RecapBenchData.rows(pg.database(), "articles")).isEqualTo(ARTICLES);
        }
    }

    private static void prepare(Path file, String url) {
        if (Files.exists(file)) {
            try (Database db = new Database(url)) {
                if (RecapBenchData.rows(db, "articles") == ARTICLES && RecapBenchData.rows(db, "deliveries") == ARTICLES) {
                    return;
                }
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path.of(file + suffix).toFile().delete();
            }
        }
        long start = System.nanoTime();
        try (Database db = new Database(url)) {
            new RecapBenchData().generate(db, FEEDS, ARTICLES, NOW);
            db.write(c -> {
                try (PreparedStatement deliveries = c.prepareStatement("INSERT INTO deliveries (subscription_id, article_id,"
                        + " channel_id, status, attempts, next_attempt_at, last_attempt_at, message_id, created_at, sent_at)"
                        + " SELECT s.id, a.id, s.channel_id, 'sent', 1, a.first_seen_at, a.first_seen_at,"
                        + " CAST(1300000000000000000 + a.id AS TEXT), a.first_seen_at, a.first_seen_at"
                        + " FROM articles a JOIN subscriptions s ON s.feed_id = a.feed_id AND s.guild_id = ?")) {
                    deliveries.setLong(1, RecapBenchData.BIG_GUILD);
                    return deliveries.executeUpdate();
                }
            });
        }
        System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, (System.nanoTime() - start) / 1e9);
    }
}
