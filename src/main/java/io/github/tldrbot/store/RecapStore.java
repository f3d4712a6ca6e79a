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
 * stored articles by bounding every result; the SQL itself is built by {@link RecapSql}.
 *
 * <p>A recap reads at most {@link #CANDIDATE_CAP} candidates, the newest first. Three access paths
 * exist ({@link Path}); a topic always takes BY_TEXT, otherwise one bounded count of the guild's
 * articles in the period ({@link #PATH_THRESHOLD} rows at most, from the feed index) decides:
 * <ul>
 *   <li>{@link Path#BY_FEED}: one range of {@code articles(feed_id, first_seen_at)} per followed feed,
 *   then a sort. Cost grows with the guild's articles in the period, so it is used when they are few
 *   (a few feeds, a short period, or {@code feed:} given);</li>
 *   <li>{@link Path#BY_TIME}: walk {@code articles(first_seen_at, feed_id)} backwards from the end of
 *   the period, checking the feed from the index itself, and stop at the cap. Cost grows with how
 *   rare the guild's articles are among all, so it is used when the guild's feeds are busy. The feed
 *   column is {@link SqlDialect#unindexed} (SQLite's unary {@code +}) so SQLite does not take the
 *   feed index instead;</li>
 *   <li>{@link Path#BY_TEXT} (every topic): the full-text matches ({@link TopicSearch}: FTS5 on
 *   SQLite, walked from the newest article id down to the first id of the period; a {@code tsvector}
 *   on PostgreSQL, newest first-seen first), stopping at the cap. On SQLite, when the guild follows
 *   at most {@link #FEED_TOKEN_LIMIT} feeds (or {@code feed:} is given) the match itself is limited
 *   to those feeds' tokens, so FTS5 intersects the word's doclist with the feeds' instead of
 *   returning every match of a common word for a lookup (a per-row FTS check costs about 30 µs, a
 *   looked-up match under 1 µs).</li>
 * </ul>
 * Without a topic, an audience filter walks the same two ways over the audience's own rows of
 * {@code article_audiences} (see {@link RecapSql}). The feed's title is a scalar sub-query, not a
 * join: a join would let SQLite drive the query from {@code feeds} through the feed index and sort
 * the whole period, whatever the path. Matches are counted exactly up to {@link #COUNT_CAP} without
 * a topic; with a topic the count is the candidates read (a full count would read every match of a
 * common word).
 *
 * <p>On PostgreSQL every recap query is planned for the values it binds
 * ({@link SqlDialect#prepareForValues}) and without parallel workers
 * ({@link SqlDialect#shortQueries}); the path then chooses the query's shape and the planner the
 * index.
 */
public final class RecapStore {
    /** The newest candidates a recap ranks; enough for 25 stories after de-duplication. */
    public static final int CANDIDATE_CAP = 500;
    /** Matches are counted up to this; beyond, the footer says "more than". */
    public static final int COUNT_CAP = 10_000;
    static final int PATH_THRESHOLD = 5_000;
    static final int FEED_TOKEN_LIMIT = 64;

    /** How {@link #candidates} reads the articles (see the class comment). */
    public enum Path {
        BY_FEED, BY_TIME, BY_TEXT
    }

    static final String GUILD_FEEDS = RecapSql.GUILD_FEEDS;

    private final Database database;
    private final RecapSql sql;
    private final int pathThreshold;
    private final int feedTokenLimit;

    public RecapStore(Database database) {
        this(database, PATH_THRESHOLD, FEED_TOKEN_LIMIT);
    }

    /** With other thresholds: lets tests run every path on a small database. */
    RecapStore(Database database, int pathThreshold, int feedTokenLimit) {
        this.database = database;
        this.sql = new RecapSql(database.dialect());
        this.pathThreshold = pathThreshold;
        this.feedTokenLimit = feedTokenLimit;
    }

    /** The newest matching articles (at most {@link #CANDIDATE_CAP}), newest first, and the match count. */
    public RecapCandidates candidates(RecapFilter filter) {
        return database.read(connection -> database.dialect().shortQueries(connection, c -> {
            Object feeds = sql.guildFeeds(c, filter.guildId());
            Path path = path(c, filter, feeds);
            TopicBounds text = path == Path.BY_TEXT
                    ? TopicBounds.find(c, filter, feedTokenLimit, database.dialect().topicSearch()) : null;
            if (text != null && text.floor() < 0) {
                return new RecapCandidates(List.of(), 0, false);
            }
            List<RecapCandidate> rows = select(c, sql.candidates(filter, path, text, feeds));
            int matched = rows.size();
            boolean more = rows.size() >= CANDIDATE_CAP;
            if (more && filter.topic() == null) {
                int counted = count(c, sql.count(filter, path, feeds, COUNT_CAP + 1));
                more = counted > COUNT_CAP;
                matched = Math.min(counted, COUNT_CAP);
            }
            return new RecapCandidates(rows, matched, more);
        }));
    }

    /** Which path {@link #candidates} takes for this filter. */
    public Path path(RecapFilter filter) {
        return database.read(connection -> path(connection, filter, sql.guildFeeds(connection, filter.guildId())));
    }

    private Path path(Connection connection, RecapFilter filter, Object feeds) throws SQLException {
        if (filter.topic() != null) {
            return Path.BY_TEXT;
        }
        if (filter.feedId() != null) {
            return Path.BY_FEED;
        }
        return count(connection, sql.busyRows(filter, feeds, pathThreshold)) < pathThreshold ? Path.BY_FEED : Path.BY_TIME;
    }

    private List<RecapCandidate> select(Connection connection, RecapSql.Query query) throws SQLException {
        try (PreparedStatement select = query.prepare(connection, database.dialect())) {
            List<RecapCandidate> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String audiences = rows.getString("audiences");
                    out.add(new RecapCandidate(rows.getLong("id"), rows.getLong("feed_id"), rows.getString("feed_title"),
                            rows.getString("title"), rows.getString("link"), rows.getString("tldr"),
                            Instant.ofEpochMilli(rows.getLong("first_seen_at")),
                            audiences == null || audiences.isEmpty() ? List.of() : Arrays.asList(audiences.split(",")),
                            SqlValues.getLongOrNull(rows, "story_id")));
                }
            }
            return out;
        }
    }

    private int count(Connection connection, RecapSql.Query query) throws SQLException {
        try (PreparedStatement select = query.prepare(connection, database.dialect());
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Cards per audience among articles first seen in {@code [from, to)} in the guild's feeds ({@code /audiences}). */
    public Map<String, Integer> audienceCounts(long guildId, Instant from, Instant to) {
        return database.read(connection -> {
            try (PreparedStatement select = database.dialect().prepareForValues(connection,
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

    /** The query plan of the candidates query this filter runs, one line per plan row, indented by depth. */
    public List<String> explainCandidates(RecapFilter filter) {
        return database.read(connection -> database.dialect().shortQueries(connection, c -> {
            Object feeds = sql.guildFeeds(c, filter.guildId());
            Path path = path(c, filter, feeds);
            TopicBounds text = path == Path.BY_TEXT
                    ? TopicBounds.find(c, filter, feedTokenLimit, database.dialect().topicSearch()) : null;
            if (text != null && text.match() == null) {
                return List.of("(the guild follows no feed: nothing to search)");
            }
            SqlDialect dialect = database.dialect();
            try (PreparedStatement explain = sql.candidates(filter, path, text, feeds).prefixed(dialect.explainPrefix())
                    .prepare(c, dialect);
                 ResultSet rows = explain.executeQuery()) {
                return dialect.planLines(rows);
            }
        }));
    }
}
