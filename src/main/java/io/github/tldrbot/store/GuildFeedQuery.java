package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The {@code limits.feedsPerGuild} check over {@code subscriptions}: how many distinct feeds a
 * guild follows and whether a given feed is one of them, counted in SQL so that an OPML import of
 * a thousand entries does not read the guild's rows once per entry.
 */
public final class GuildFeedQuery {
    private final Database database;

    public GuildFeedQuery(Database database) {
        this.database = database;
    }

    /** @param feeds distinct feeds the guild follows; {@code includesFeed}: the asked feed is one of them */
    public record Count(int feeds, boolean includesFeed) {
    }

    /** @param feedId the feed about to be subscribed, or -1 when it does not exist yet */
    public Count count(long guildId, long feedId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(DISTINCT feed_id), COUNT(CASE WHEN feed_id = ? THEN 1 END) FROM subscriptions WHERE guild_id = ?")) {
                select.setLong(1, feedId);
                select.setLong(2, guildId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Count(row.getInt(1), row.getInt(2) > 0);
                }
            }
        });
    }
}
