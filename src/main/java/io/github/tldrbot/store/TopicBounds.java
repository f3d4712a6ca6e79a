package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a topic recap's text search starts and what it matches ({@link RecapStore}'s BY_TEXT path):
 * {@code floor} is an article id no candidate is below, when the search takes one
 * ({@link TopicSearch#idFloor}; else 0), -1 when there is nothing to search (the guild follows no
 * feed or has no article in the period); {@code match} the value bound for {@link TopicSearch#condition}.
 * The guild's feeds are read only to be named in an FTS5 match (at most {@code feedTokenLimit} of
 * them; more are not worth naming).
 */
record TopicBounds(long floor, String match, boolean bindsFloor) {
    private static final long DAY_MS = 86_400_000L;

    static TopicBounds find(Connection connection, RecapFilter filter, int feedTokenLimit, TopicSearch search)
            throws SQLException {
        List<Long> feeds = new ArrayList<>();
        if (filter.feedId() != null) {
            feeds.add(filter.feedId());
        } else {
            try (PreparedStatement select = connection.prepareStatement(
                    RecapStore.GUILD_FEEDS + " LIMIT " + (feedTokenLimit + 1))) {
                select.setLong(1, filter.guildId());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        feeds.add(rows.getLong(1));
                    }
                }
            }
            if (feeds.size() > feedTokenLimit) {
                feeds.clear();
            } else if (feeds.isEmpty()) {
                return new TopicBounds(-1, null, false);
            }
        }
        long floor = !search.idFloor() ? 0 : feeds.isEmpty() ? firstIdSinceFirstDay(connection, filter)
                : firstIdOfPeriod(connection, filter);
        return new TopicBounds(floor, search.match(filter.topic(), feeds), search.idFloor());
    }

    /** The values {@link TopicSearch#condition} binds, in order. */
    List<Object> parameters() {
        return bindsFloor ? List.of(match, floor) : List.of(match);
    }

    /**
     * The lowest id of the guild's articles (or the feed's, with {@code feed:}) first seen in the
     * period, or -1 when there is none: every candidate has an id at least this, so the text search
     * may start there. Read from the covering feed index, one range per followed feed: for the few
     * feeds whose tokens the match names, 1,670 entries for a month of 10 feeds at a million
     * articles. The {@code +} keeps SQLite from walking the table in id order, looking for the
     * first row that matches.
     */
    private static long firstIdOfPeriod(Connection connection, RecapFilter filter) throws SQLException {
        boolean feed = filter.feedId() != null;
        return floor(connection, "SELECT min(+a.id) FROM articles a WHERE "
                + (feed ? "a.feed_id = ?" : "a.feed_id IN (" + RecapStore.GUILD_FEEDS + ")")
                + " AND a.first_seen_at >= ? AND a.first_seen_at < ?",
                feed ? filter.feedId() : filter.guildId(), filter.from().toEpochMilli(), filter.to().toEpochMilli());
    }

    /**
     * For a guild of many feeds, where the period's own lowest id would take reading every entry
     * of the period: the lowest id first seen on or after the period's first UTC day, from
     * {@code article_days} ({@code db/sqlite/V14__recap_days.sql}), or -1 when there is none.
     * It is at most the period's lowest id; the search may read up to a day of older matches more.
     */
    private static long firstIdSinceFirstDay(Connection connection, RecapFilter filter) throws SQLException {
        return floor(connection, "SELECT min(min_id) FROM article_days WHERE day >= ?",
                Math.floorDiv(filter.from().toEpochMilli(), DAY_MS));
    }

    private static long floor(Connection connection, String sql, long... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setLong(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? -1 : id;
            }
        }
    }
}
