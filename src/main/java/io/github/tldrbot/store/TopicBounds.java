package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a topic recap's text search starts and what it matches ({@link RecapStore}'s BY_TEXT path):
 * {@code floor} is the lowest id of the guild's articles first seen in the period when the search
 * takes one ({@link TopicSearch#idFloor}; else 0), -1 when there is nothing to search (the guild
 * follows no feed or has no article in the period); {@code match} the value bound for {@link TopicSearch#condition}.
 * The guild's feeds are read only to be named in an FTS5 match (at most {@code feedTokenLimit} of
 * them; more are not worth naming).
 */
record TopicBounds(long floor, String match, boolean bindsFloor) {
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
        long floor = search.idFloor() ? firstIdOfPeriod(connection, filter) : 0;
        return new TopicBounds(floor, search.match(filter.topic(), feeds), search.idFloor());
    }

    /** The values {@link TopicSearch#condition} binds, in order. */
    List<Object> parameters() {
        return bindsFloor ? List.of(match, floor) : List.of(match);
    }

    /**
     * The lowest id of the guild's articles (or the feed's, with {@code feed:}) first seen in the
     * period, or -1 when there is none: every candidate has an id at least this, so the text search
     * may start there. Read from the covering feed index (one range per followed feed), which for a
     * guild of 10 feeds is 1,670 entries of a month at a million articles where the whole period
     * is 333,000; for a guild that follows every feed it is the same entries as the whole period.
     * The {@code +} keeps SQLite from walking the table in id order, looking for the first row that
     * matches.
     */
    private static long firstIdOfPeriod(Connection connection, RecapFilter filter) throws SQLException {
        boolean feed = filter.feedId() != null;
        try (PreparedStatement select = connection.prepareStatement("SELECT min(+a.id) FROM articles a WHERE "
                + (feed ? "a.feed_id = ?" : "a.feed_id IN (" + RecapStore.GUILD_FEEDS + ")")
                + " AND a.first_seen_at >= ? AND a.first_seen_at < ?")) {
            select.setLong(1, feed ? filter.feedId() : filter.guildId());
            select.setLong(2, filter.from().toEpochMilli());
            select.setLong(3, filter.to().toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? -1 : id;
            }
        }
    }
}
