package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a topic recap's text search starts and what it matches ({@link RecapStore}'s BY_TEXT path):
 * {@code floor} is the lowest article id first seen in the period when the search takes one
 * ({@link TopicSearch#idFloor}; else 0), -1 when there is nothing to search (the period is empty
 * or the guild follows no feed); {@code match} the value bound for {@link TopicSearch#condition}.
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
     * The lowest id first seen in the period (from the covering time index; the {@code +} keeps
     * SQLite from walking the table in id order instead), or -1 when the period is empty. Every
     * article of the period has an id at least this, so the text search may start there.
     */
    private static long firstIdOfPeriod(Connection connection, RecapFilter filter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT min(+id) FROM articles WHERE first_seen_at >= ? AND first_seen_at < ?")) {
            select.setLong(1, filter.from().toEpochMilli());
            select.setLong(2, filter.to().toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                return row.wasNull() ? -1 : id;
            }
        }
    }
}
