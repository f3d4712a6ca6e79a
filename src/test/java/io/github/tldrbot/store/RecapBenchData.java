package io.github.tldrbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the recap benchmark's database quickly: feeds, subscriptions for two guilds, and
 * articles with cards and audiences first seen over {@link #DAYS} days, in time order (as the poller
 * stores them), in chunks of 100,000 written by {@link RecapBenchRows} (batched inserts on SQLite,
 * {@code COPY} on PostgreSQL), one transaction each. About 5% of the
 * articles repeat an earlier story from another feed (same link with tracking parameters, same
 * title), so de-duplication has work to do. Text comes from a word list with a Zipf-like skew, so a
 * few words are common and most are rare, as in real news.
 */
public final class RecapBenchData {
    public static final int DAYS = 90;
    public static final long SMALL_GUILD = 1;
    public static final long BIG_GUILD = 2;
    public static final String[] AUDIENCES = {"developers", "researchers", "founders", "investors", "policy", "security", "creators"};
    private static final String[] WORDS = ("the a of and to in for on with new release update security vulnerability patch model"
            + " open source cloud data ai agent api developer research paper study startup funding round investors market"
            + " policy law court regulation privacy breach attack ransomware kernel linux windows apple google microsoft"
            + " amazon meta nvidia chip gpu training inference benchmark performance faster slower launch beta preview"
            + " framework library java rust python go javascript typescript database postgres sqlite index query cache"
            + " server client browser mobile android ios app store review price revenue growth layoffs hiring ceo cto"
            + " founder acquisition merger ipo stock earnings quarter report analysis survey users customers community"
            + " conference talk video podcast creator youtube streaming music game engine graphics design tool plugin"
            + " extension editor terminal shell container kubernetes docker deploy pipeline ci testing bug fix crash"
            + " exploit zero day cve advisory disclosure researchers university lab science climate energy battery"
            + " electric vehicle robot drone satellite space launch rocket network protocol encryption password login"
            + " identity token wallet crypto bitcoin ethereum bank payment fintech health medical drug trial approval"
            + " europe commission parliament senate bill vote tax tariff trade export china india japan germany france"
            + " britain canada brazil africa city government agency military defense election campaign media news").split(" ");
    private static final String[] EXTRA = {"alpha", "beta", "gamma", "delta", "omega", "nova", "quantum", "fusion", "vector",
            "matrix", "neural", "graph", "stream", "edge", "mesh", "grid", "core", "flux", "pulse", "orbit"};

    private final SplittableRandom random = new SplittableRandom(42);
    private final double[] cumulative;

    public RecapBenchData() {
        int n = WORDS.length;
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.9);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Fills an empty database: {@code feeds} feeds, the small guild following every 10th, the big one all. */
    public void generate(Database db, int feeds, int articles, Instant end) {
        db.write(connection -> {
            insertFeeds(connection, feeds, end);
            return null;
        });
        int batch = 100_000;
        long start = end.minus(Duration.ofDays(DAYS)).toEpochMilli();
        long span = Duration.ofDays(DAYS).toMillis();
        List<String[]> recent = new ArrayList<>();
        if (rows(db, "articles") != 0) {
            throw new IllegalStateException("the benchmark data needs an empty articles table (it numbers articles from 1)");
        }
        List<String> restore = db.write(connection -> RecapBenchRows.beforeLoad(connection, db.dialect()));
        RecapBenchRows chunk = new RecapBenchRows();
        for (int from = 0; from < articles; from += batch) {
            articles(chunk, from, Math.min(batch, articles - from), articles, feeds, start, span, recent);
            db.write(connection -> {
                chunk.write(connection, db.dialect());
                return null;
            });
        }
        db.write(connection -> {
            RecapBenchRows.afterLoad(connection, db.dialect(), restore);
            return null;
        });
        // Statistics for the planner. PostgreSQL also needs its visibility map set after a bulk load
        // (autovacuum would do it later) or every index-only scan visits the table; VACUUM cannot
        // run in a transaction, so it runs in auto-commit mode.
        db.read(connection -> {
            String sql = db.dialect() == SqlDialect.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE";
            try (PreparedStatement analyze = connection.prepareStatement(sql)) {
                analyze.execute();
            }
            return null;
        });
    }

    private void insertFeeds(Connection c, int feeds, Instant end) throws SQLException {
        // no explicit ids: a fresh table numbers the feeds 1..feeds in this order on both stores, and a
        // PostgreSQL identity would not advance past explicit ones
        try (PreparedStatement feed = c.prepareStatement("INSERT INTO feeds (url, title, next_poll_at, poll_interval_ms,"
                + " created_at, seeded) VALUES (?, ?, ?, 900000, ?, TRUE)");
             PreparedStatement sub = c.prepareStatement("INSERT INTO subscriptions (feed_id, guild_id, channel_id, source,"
                     + " created_at) VALUES (?, ?, ?, 'command', ?)")) {
            for (int f = 1; f <= feeds; f++) {
                feed.setString(1, "https://feed" + f + ".example/rss.xml");
                feed.setString(2, "Feed " + f + " " + capital(word()) + " " + capital(word()));
                feed.setLong(3, end.toEpochMilli());
                feed.setLong(4, end.toEpochMilli());
                feed.addBatch();
                sub.setLong(1, f);
                sub.setLong(2, BIG_GUILD);
                sub.setLong(3, 2_000);
                sub.setLong(4, end.toEpochMilli());
                sub.addBatch();
                if (f % 10 == 0) {
                    sub.setLong(1, f);
                    sub.setLong(2, SMALL_GUILD);
                    sub.setLong(3, 1_000 + f % 3);
                    sub.setLong(4, end.toEpochMilli());
                    sub.addBatch();
                }
            }
            feed.executeBatch();
            sub.executeBatch();
        }
    }

    private void articles(RecapBenchRows out, int first, int count, int total, int feeds, long start, long span,
                          List<String[]> recent) {
        for (int i = first; i < first + count; i++) {
            long seen = start + (long) ((double) i / total * span);
            int feed = 1 + random.nextInt(feeds);
            String title;
            String link;
            if (!recent.isEmpty() && random.nextInt(20) == 0) {
                String[] story = recent.get(random.nextInt(recent.size()));
                title = story[0];
                link = story[1] + "?utm_source=feed" + feed + "&utm_medium=rss";
            } else {
                title = capital(sentence(6 + random.nextInt(5)));
                link = "https://site" + feed + ".example/" + i + "/" + title.toLowerCase().replace(' ', '-');
                if (recent.size() < 2_000) {
                    recent.add(new String[] {title, link});
                } else {
                    recent.set(random.nextInt(recent.size()), new String[] {title, link});
                }
            }
            String tldr = capital(sentence(15 + random.nextInt(10))) + ".";
            String summary = tldr + " " + capital(sentence(20 + random.nextInt(15))) + ".";
            int n = 1 + random.nextInt(3);
            int base = random.nextInt(AUDIENCES.length);
            List<String> audiences = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                audiences.add(AUDIENCES[(base + r * 3) % AUDIENCES.length]);
            }
            // ids 1..total in first-seen order, as a fresh table's identity would number them
            out.add(new RecapBenchRows.Row(i + 1L, feed, "a" + i, title, link, summary, seen, tldr, audiences));
        }
    }

    private String sentence(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(random.nextInt(25) == 0 ? EXTRA[random.nextInt(EXTRA.length)] + random.nextInt(100) : word());
        }
        return out.toString();
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return WORDS[lo];
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The baseline: a bare count over the period index, as cheap as a period query gets. */
    public static long countPeriod(Database db, Instant from, Instant to) {
        return db.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM articles WHERE first_seen_at >= ? AND first_seen_at < ?")) {
                count.setLong(1, from.toEpochMilli());
                count.setLong(2, to.toEpochMilli());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Names what {@link #generate} writes: a hash of the compiled generator ({@code RecapBenchData},
     * {@link RecapBenchRows}), so a cached database is never reused after the generator changed.
     */
    public static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : List.of(RecapBenchData.class, RecapBenchRows.class, RecapBenchRows.Row.class)) {
                try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the benchmark data generator", e);
        }
    }

    /** Rows in a table (to check a cached database is complete). */
    public static long rows(Database db, String table) {
        return db.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table);
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
