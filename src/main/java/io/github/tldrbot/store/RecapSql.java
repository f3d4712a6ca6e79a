package io.github.tldrbot.store;

import io.github.tldrbot.store.RecapStore.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link RecapStore}'s queries for one filter and access path, each with the values it
 * binds, in order.
 *
 * <p>Without a topic, an audience filter reads the audience's rows of {@code article_audiences}
 * (which carry their article's feed and first-seen time, {@code V13__recap_audiences.sql}) through
 * the index that matches the path, {@code (audience_id, feed_id, first_seen_at, …)} or
 * {@code (audience_id, first_seen_at, …)}, so counting "security articles of the month" reads those
 * rows only instead of checking every article of the month for the audience (at a million articles
 * on PostgreSQL, 0.35–0.8 s instead of 1–15 ms). With a topic the text search leads and the
 * audience is checked per match, unless the search is a plain condition on articles
 * ({@link TopicSearch#onArticles}, PostgreSQL): then the audience's rows lead and the words are
 * checked on their articles (a week of "release" for developers in a 200-feed guild: 14–23 ms
 * instead of 77–300 ms).
 */
final class RecapSql {
    static final String GUILD_FEEDS = "SELECT feed_id FROM subscriptions WHERE guild_id = ?";
    private static final String COLUMNS = "SELECT a.id, a.feed_id, (SELECT COALESCE(f.title, f.url) FROM feeds f WHERE f.id = a.feed_id) AS feed_title,"
            + " a.title, a.link,"
            + " c.tldr, a.first_seen_at, a.story_id,"
            + " (SELECT string_agg(x.audience_id, ',' ORDER BY x.rank) FROM article_audiences x"
            + " WHERE x.article_id = a.id) AS audiences";

    /** A statement and the values it binds, in order (each a {@code Long}, a {@code Long[]} or a {@code String}). */
    record Query(String sql, List<Object> parameters) {
        /** Prepared to be planned for these values ({@link SqlDialect#prepareForValues}), with them bound. */
        PreparedStatement prepare(Connection connection, SqlDialect dialect) throws SQLException {
            PreparedStatement statement = dialect.prepareForValues(connection, sql);
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    if (value instanceof Long number) {
                        statement.setLong(i + 1, number);
                    } else if (value instanceof Long[] ids) {
                        statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
                    } else {
                        statement.setString(i + 1, (String) value);
                    }
                }
                return statement;
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        }

        Query prefixed(String prefix) {
            return new Query(prefix + sql, parameters);
        }
    }

    private final SqlDialect dialect;

    RecapSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * What {@link SqlDialect#inGuildFeeds} binds for the guild: its id, or the ids of the feeds it
     * follows when the dialect lists them.
     */
    Object guildFeeds(Connection connection, long guildId) throws SQLException {
        if (!dialect.listsGuildFeeds()) {
            return guildId;
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT feed_id FROM subscriptions WHERE guild_id = ? ORDER BY feed_id")) {
            select.setLong(1, guildId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids.toArray(new Long[0]);
    }

    /** Articles of the guild's feeds first seen in the period, counted up to {@code limit} from the feed index: decides the path. */
    Query busyRows(RecapFilter filter, Object feeds, int limit) {
        List<Object> values = new ArrayList<>();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE " + period("a", filter, Path.BY_FEED, feeds, values)
                + " LIMIT " + limit + ") n";
        return new Query(sql, values);
    }

    /**
     * The newest {@link RecapStore#CANDIDATE_CAP} matches; {@code text} is given on the BY_TEXT
     * path only, {@code feeds} is {@link #guildFeeds}.
     */
    Query candidates(RecapFilter filter, Path path, TopicBounds text, Object feeds) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS);
        TopicSearch search = dialect.topicSearch();
        if (text != null && (filter.audience() == null || !search.onArticles())) {
            values.addAll(text.parameters());
            sql.append(" FROM ").append(search.from()).append(" LEFT JOIN cards c ON c.article_id = a.id")
                    .append(" WHERE ").append(search.condition()).append(" AND ").append(period("a", filter, path, feeds, values));
            if (filter.audience() != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM article_audiences aa WHERE aa.article_id = a.id AND aa.audience_id = ?)");
                values.add(filter.audience());
            }
            sql.append(" ORDER BY ").append(search.order());
        } else if (filter.audience() != null) {
            values.add(filter.audience());
            sql.append(" FROM article_audiences aa JOIN articles a ON a.id = aa.article_id LEFT JOIN cards c ON c.article_id = a.id")
                    .append(" WHERE aa.audience_id = ? AND ").append(period("aa", filter, path, feeds, values));
            if (text != null) {
                sql.append(" AND ").append(search.condition());
                values.addAll(text.parameters());
            }
            sql.append(" ORDER BY aa.first_seen_at DESC, aa.article_id DESC");
        } else {
            sql.append(" FROM articles a LEFT JOIN cards c ON c.article_id = a.id")
                    .append(" WHERE ").append(period("a", filter, path, feeds, values))
                    .append(" ORDER BY a.first_seen_at DESC, a.id DESC");
        }
        sql.append(" LIMIT ").append(RecapStore.CANDIDATE_CAP);
        return new Query(sql.toString(), values);
    }

    /** Matches of a filter without a topic, counted up to {@code limit}. */
    Query count(RecapFilter filter, Path path, Object feeds, int limit) {
        List<Object> values = new ArrayList<>();
        String rows;
        if (filter.audience() != null) {
            values.add(filter.audience());
            rows = "SELECT 1 FROM article_audiences aa WHERE aa.audience_id = ? AND " + period("aa", filter, path, feeds, values);
        } else {
            rows = "SELECT 1 FROM articles a WHERE " + period("a", filter, path, feeds, values);
        }
        return new Query("SELECT count(*) FROM (" + rows + " LIMIT " + limit + ") n", values);
    }

    /**
     * "In one of the guild's feeds, first seen in the period [, from this feed]" over the rows of
     * {@code alias} (articles or audience rows, both with {@code feed_id} and {@code first_seen_at}).
     * Off the BY_FEED path the feed column is {@link SqlDialect#unindexed}, so SQLite walks the time
     * index and checks the feed from it.
     */
    private String period(String alias, RecapFilter filter, Path path, Object feeds, List<Object> values) {
        String feed = alias + ".feed_id";
        StringBuilder sql = new StringBuilder()
                .append(dialect.inGuildFeeds(path == Path.BY_FEED ? feed : dialect.unindexed(feed)))
                .append(" AND ").append(alias).append(".first_seen_at >= ? AND ").append(alias).append(".first_seen_at < ?");
        values.add(feeds);
        values.add(filter.from().toEpochMilli());
        values.add(filter.to().toEpochMilli());
        if (filter.feedId() != null) {
            sql.append(" AND ").append(feed).append(" = ?");
            values.add(filter.feedId());
        }
        return sql.toString();
    }
}
