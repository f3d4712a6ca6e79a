package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queries behind {@code /recap} and {@code /audiences} (SPEC §8.1), kept fast at a million
 * stored articles by bounding every result.
 *
 * <p>A recap reads at most {@link #CANDIDATE_CAP} candidates, the newest first, and counts matches up
 * to {@link #COUNT_CAP}. Two access paths exist and the cheaper one is picked per query:
 * <ul>
 *   <li><b>by feed</b>: one range of {@code articles(feed_id, first_seen_at)} per followed feed, then
 *   a sort. Cost grows with the articles the guild's feeds got in the period, so it is used when that
 *   number is small (a few feeds, a short period, or {@code feed:} given);</li>
 *   <li><b>by time</b>: walk {@code articles(first_seen_at, feed_id)} backwards from the end of the
 *   period, checking the feed from the index itself, and stop at the cap. Cost grows with how rare
 *   the guild's articles are among all, so it is used when the guild's feeds are busy.</li>
 * </ul>
 * The choice is one bounded count ({@link #PATH_THRESHOLD} rows at most). The unary {@code +} in the
 * by-time SQL stops SQLite from using the feed index there.
 *
 * <p>Topic search is FTS5 (see {@code V3__recap.sql}); the match set is limited to row ids at or
 * above the first article of the period, so an old common word does not fill the set.
 */
public final class RecapStore {
    /** The newest candidates a recap ranks; enough for 25 stories after de-duplication. */
    public static final int CANDIDATE_CAP = 500;
    /** Matches are counted up to this; beyond, the footer says "more than". */
    public static final int COUNT_CAP = 10_000;
    static final int PATH_THRESHOLD = 5_000;

    private static final String GUILD_FEEDS = "SELECT feed_id FROM subscriptions WHERE guild_id = ?";

    private final Database database;

    public RecapStore(Database database) {
        this.database = database;
    }

    /** The newest matching articles (at most {@link #CANDIDATE_CAP}), newest first, and the match count. */
    public RecapCandidates candidates(RecapFilter filter) {
        return database.read(connection -> {
            boolean byFeed = filter.feedId() != null || busyRows(connection, filter) < PATH_THRESHOLD;
            List<RecapCandidate> rows = select(connection, filter, byFeed);
            int matched = rows.size();
            boolean more = false;
            if (rows.size() >= CANDIDATE_CAP) {
                matched = count(connection, filter, byFeed);
                more = matched > COUNT_CAP;
                matched = Math.min(matched, COUNT_CAP);
            }
            return new RecapCandidates(rows, matched, more);
        });
    }

    /** The SQL of a candidates query (for EXPLAIN QUERY PLAN in benchmarks and docs). */
    public String candidatesSql(RecapFilter filter, boolean byFeed) {
        return "SELECT a.id, a.feed_id, COALESCE(f.title, f.url) AS feed_title, a.title, a.link, c.tldr,"
                + " a.first_seen_at,"
                + " (SELECT group_concat(audience_id, ',') FROM (SELECT audience_id FROM article_audiences x"
                + " WHERE x.article_id = a.id ORDER BY x.rank)) AS audiences"
                + " FROM articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN cards c ON c.article_id = a.id"
                + where(filter, byFeed)
                + " ORDER BY a.first_seen_at DESC, a.id DESC LIMIT " + CANDIDATE_CAP;
    }

    /** Articles of the guild's feeds first seen in the period, counted up to {@link #PATH_THRESHOLD}: decides the access path. */
    private int busyRows(Connection connection, RecapFilter filter) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE a.feed_id IN (" + GUILD_FEEDS + ")"
                + " AND a.first_seen_at >= ? AND a.first_seen_at < ? LIMIT " + PATH_THRESHOLD + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, filter.guildId());
            select.setLong(2, filter.from().toEpochMilli());
            select.setLong(3, filter.to().toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private List<RecapCandidate> select(Connection connection, RecapFilter filter, boolean byFeed) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(candidatesSql(filter, byFeed))) {
            bind(select, filter);
            List<RecapCandidate> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String audiences = rows.getString("audiences");
                    out.add(new RecapCandidate(rows.getLong("id"), rows.getLong("feed_id"), rows.getString("feed_title"),
                            rows.getString("title"), rows.getString("link"), rows.getString("tldr"),
                            Instant.ofEpochMilli(rows.getLong("first_seen_at")),
                            audiences == null || audiences.isEmpty() ? List.of() : Arrays.asList(audiences.split(","))));
                }
            }
            return out;
        }
    }

    private int count(Connection connection, RecapFilter filter, boolean byFeed) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM articles a" + where(filter, byFeed)
                + " LIMIT " + (COUNT_CAP + 1) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, filter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Parameters, in order: guild, from, to, [feed], [audience], [topic, from]. */
    private static String where(RecapFilter filter, boolean byFeed) {
        StringBuilder sql = new StringBuilder(" WHERE ")
                .append(byFeed ? "a.feed_id" : "+a.feed_id").append(" IN (").append(GUILD_FEEDS).append(")")
                .append(" AND a.first_seen_at >= ? AND a.first_seen_at < ?");
        if (filter.feedId() != null) {
            sql.append(" AND a.feed_id = ?");
        }
        if (filter.audience() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_audiences aa WHERE aa.article_id = a.id AND aa.audience_id = ?)");
        }
        if (filter.topic() != null) {
            sql.append(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?")
                    .append(" AND rowid >= (SELECT min(id) FROM articles WHERE first_seen_at >= ?))");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement statement, RecapFilter filter) throws SQLException {
        int i = 1;
        statement.setLong(i++, filter.guildId());
        statement.setLong(i++, filter.from().toEpochMilli());
        statement.setLong(i++, filter.to().toEpochMilli());
        if (filter.feedId() != null) {
            statement.setLong(i++, filter.feedId());
        }
        if (filter.audience() != null) {
            statement.setString(i++, filter.audience());
        }
        if (filter.topic() != null) {
            statement.setString(i++, filter.topic().fts5());
            statement.setLong(i, filter.from().toEpochMilli());
        }
    }

    /** Cards per audience among articles first seen in {@code [from, to)} in the guild's feeds ({@code /audiences}). */
    public Map<String, Integer> audienceCounts(long guildId, Instant from, Instant to) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT aa.audience_id, count(*) FROM articles a JOIN article_audiences aa ON aa.article_id = a.id"
                            + " WHERE a.feed_id IN (" + GUILD_FEEDS + ") AND a.first_seen_at >= ? AND a.first_seen_at < ?"
                            + " GROUP BY aa.audience_id")) {
                select.setLong(1, guildId);
                select.setLong(2, from.toEpochMilli());
                select.setLong(3, to.toEpochMilli());
                Map<String, Integer> counts = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    /** The feeds the guild's channels subscribe to, by name (for the {@code feed} autocomplete). */
    public List<GuildFeed> listGuildFeeds(long guildId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, title, url FROM feeds WHERE id IN (" + GUILD_FEEDS + ") ORDER BY COALESCE(title, url), id")) {
                select.setLong(1, guildId);
                List<GuildFeed> out = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.add(new GuildFeed(rows.getLong(1), rows.getString(2), rows.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    /** The feed, when some channel of the guild subscribes to it. */
    public Optional<GuildFeed> findGuildFeed(long guildId, long feedId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, title, url FROM feeds WHERE id = ? AND id IN (" + GUILD_FEEDS + ")")) {
                select.setLong(1, feedId);
                select.setLong(2, guildId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new GuildFeed(row.getLong(1), row.getString(2), row.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** EXPLAIN QUERY PLAN of {@link #candidatesSql}, one line per plan row (benchmarks and docs). */
    public List<String> explainCandidates(RecapFilter filter, boolean byFeed) {
        return database.read(connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + candidatesSql(filter, byFeed))) {
                bind(explain, filter);
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString("detail"));
                    }
                }
                return lines;
            }
        });
    }

    /** Which path {@link #candidates} takes for this filter: true = by feed. */
    public boolean choosesByFeed(RecapFilter filter) {
        return database.read(connection -> filter.feedId() != null || busyRows(connection, filter) < PATH_THRESHOLD);
    }
}
