package io.github.tldrbot.store;

import io.github.tldrbot.config.FullTextMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code subscriptions} table (SPEC §6.1). Filters are stored as written; callers validate them
 * first ({@code SubscriptionFilter.parse}) so a bad regex is refused when the subscription is made.
 */
public final class SubscriptionStore {
    private static final String COLUMNS = "id, feed_id, guild_id, channel_id, audience, include_filter, exclude_filter,"
            + " status, paused_reason, paused_announced, source, created_at, full_text";

    /** A moderator's pause is lifted only by a moderator ({@link ModeratorPauseStore}), never by a probe. */
    private static final String NOT_MODERATOR_PAUSED =
            " AND NOT EXISTS (SELECT 1 FROM moderator_pauses m WHERE m.subscription_id = subscriptions.id)";

    private final Database database;

    public SubscriptionStore(Database database) {
        this.database = database;
    }

    /** {@link #upsert(long, long, Long, String, String, String, SubscriptionSource, Instant, FullTextMode)} with {@code fullText: auto}. */
    public long upsert(long feedId, long channelId, Long guildId, String audience, String include, String exclude,
                       SubscriptionSource source, Instant now) {
        return upsert(feedId, channelId, guildId, audience, include, exclude, source, now, FullTextMode.AUTO);
    }

    /**
     * Creates the (feed, channel) subscription or updates its filters, full-text setting, source and
     * (when given) guild; returns its id. Status and pause state are left as they are: re-adding does
     * not resume.
     */
    public long upsert(long feedId, long channelId, Long guildId, String audience, String include, String exclude,
                       SubscriptionSource source, Instant now, FullTextMode fullText) {
        return database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO subscriptions (feed_id, guild_id, channel_id, audience, include_filter, exclude_filter,"
                            + " status, source, created_at, full_text) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)"
                            + " ON CONFLICT (feed_id, channel_id) DO UPDATE SET audience = excluded.audience,"
                            + " include_filter = excluded.include_filter, exclude_filter = excluded.exclude_filter,"
                            + " source = excluded.source, guild_id = COALESCE(excluded.guild_id, subscriptions.guild_id),"
                            + " full_text = excluded.full_text"
                            + " RETURNING id")) {
                upsert.setLong(1, feedId);
                setNullableLong(upsert, 2, guildId);
                upsert.setLong(3, channelId);
                upsert.setString(4, audience);
                upsert.setString(5, include);
                upsert.setString(6, exclude);
                upsert.setString(7, source.column());
                upsert.setLong(8, now.toEpochMilli());
                upsert.setString(9, (fullText == null ? FullTextMode.AUTO : fullText).id());
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The same subscriptions' target columns (thread, webhook; SPEC §6.5). */
    public SubscriptionTargetStore targets() {
        return new SubscriptionTargetStore(database);
    }

    public Optional<Subscription> findById(long id) {
        return database.read(connection -> first(connection, "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", id));
    }

    public Optional<Subscription> findByChannelAndFeed(long channelId, long feedId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM subscriptions WHERE channel_id = ? AND feed_id = ?")) {
                select.setLong(1, channelId);
                select.setLong(2, feedId);
                List<Subscription> found = all(select);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** The feed's active subscriptions, by id: the ones a new card is routed to. */
    public List<Subscription> listForFeed(long feedId) {
        return list("SELECT " + COLUMNS + " FROM subscriptions WHERE feed_id = ? AND status = 'active' ORDER BY id", feedId);
    }

    /** Every subscription of the feed, active or paused, by id. */
    public List<Subscription> listAllForFeed(long feedId) {
        return list("SELECT " + COLUMNS + " FROM subscriptions WHERE feed_id = ? ORDER BY id", feedId);
    }

    /** Every subscription of the channel, by id. */
    public List<Subscription> listForChannel(long channelId) {
        return list("SELECT " + COLUMNS + " FROM subscriptions WHERE channel_id = ? ORDER BY id", channelId);
    }

    /** Every subscription known to be in the guild, by channel then id ({@code /feed list}, {@code /feed status}). */
    public List<Subscription> listForGuild(long guildId) {
        return list("SELECT " + COLUMNS + " FROM subscriptions WHERE guild_id = ? ORDER BY channel_id, id", guildId);
    }

    /** Replaces the subscription's filters (already validated by the caller); true when it exists. */
    public boolean updateFilters(long id, String audience, String include, String exclude) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE subscriptions SET audience = ?, include_filter = ?, exclude_filter = ? WHERE id = ?")) {
                statement.setString(1, audience);
                statement.setString(2, include);
                statement.setString(3, exclude);
                statement.setLong(4, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * The full-text setting of the feed, from its active subscriptions ({@link FullTextMode#combine}):
     * the feed is fetched once for all of them. A feed nobody actively subscribes to posts nowhere,
     * so it is {@code never}.
     */
    public FullTextMode fullTextModeOf(long feedId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT full_text FROM subscriptions WHERE feed_id = ? AND status = 'active'")) {
                select.setLong(1, feedId);
                List<FullTextMode> modes = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        modes.add(FullTextMode.parse(rows.getString(1)).orElse(FullTextMode.AUTO));
                    }
                }
                return FullTextMode.combine(modes);
            }
        });
    }

    public List<Subscription> listAll() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM subscriptions ORDER BY id")) {
                return all(select);
            }
        });
    }

    /** Pauses an active subscription with a reason for moderators; true when this call paused it (announce once). */
    public boolean pause(long id, String reason) {
        // A subscription re-paused after a failed probe keeps its announced flag: announced once.
        return update("UPDATE subscriptions SET status = 'paused', paused_reason = ?,"
                + " paused_announced = CASE WHEN paused_reason IS NULL THEN FALSE ELSE paused_announced END"
                + " WHERE id = ? AND status = 'active'", reason == null ? "unknown reason" : reason, id) == 1;
    }

    /**
     * Lets a paused subscription try again (its oldest pending card goes out next), keeping the reason:
     * a success then {@link #resume}s it for good, a refusal pauses it again without a second announcement.
     */
    public boolean probe(long id) {
        return update("UPDATE subscriptions SET status = 'active' WHERE id = ? AND status = 'paused'" + NOT_MODERATOR_PAUSED,
                null, id) == 1;
    }

    /** Resumes delivery; deliveries left pending while paused go out again. */
    public boolean resume(long id) {
        return update("UPDATE subscriptions SET status = 'active', paused_reason = NULL, paused_announced = FALSE"
                + " WHERE id = ? AND (status = 'paused' OR paused_reason IS NOT NULL)" + NOT_MODERATOR_PAUSED, null, id) == 1;
    }

    public void markPauseAnnounced(long id) {
        update("UPDATE subscriptions SET paused_announced = TRUE WHERE id = ?", null, id);
    }

    /** The feed's subscriptions not yet told that it was disabled (SPEC §6.4), by id. */
    public List<Subscription> listUntoldOfDisabledFeed(long feedId) {
        return list("SELECT " + COLUMNS + " FROM subscriptions WHERE feed_id = ? AND feed_disabled_announced = FALSE ORDER BY id", feedId);
    }

    /** The guild's subscriptions to the feed were told that it was disabled. */
    public void markFeedDisabledTold(long feedId, long guildId) {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE subscriptions SET feed_disabled_announced = TRUE WHERE feed_id = ? AND guild_id = ?")) {
                statement.setLong(1, feedId);
                statement.setLong(2, guildId);
                return statement.executeUpdate();
            }
        });
    }

    /** Records the guild of the subscription's channel once Discord has told us. */
    public void setGuild(long id, long guildId) {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE subscriptions SET guild_id = ? WHERE id = ?")) {
                statement.setLong(1, guildId);
                statement.setLong(2, id);
                return statement.executeUpdate();
            }
        });
    }

    /** Deletes one subscription and (cascading) its deliveries. */
    public boolean delete(long id) {
        return update("DELETE FROM subscriptions WHERE id = ?", null, id) == 1;
    }

    /**
     * Config sync: deletes the {@code config} subscriptions whose ids are not in {@code keep} (the
     * ones just upserted from the file), in one transaction. Command subscriptions are never touched.
     *
     * @return how many were deleted
     */
    public int deleteConfigSubscriptionsNotIn(Set<Long> keep) {
        return database.write(connection -> {
            List<Long> stale = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM subscriptions WHERE source = 'config'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!keep.contains(rows.getLong(1))) {
                        stale.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM subscriptions WHERE id = ?")) {
                for (long id : stale) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            return stale.size();
        });
    }

    /** Runs an UPDATE/DELETE whose parameters are, in order, the optional {@code text} and the row id. */
    private int update(String sql, String text, long id) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                if (text != null) {
                    statement.setString(index++, text);
                }
                statement.setLong(index, id);
                return statement.executeUpdate();
            }
        });
    }

    private List<Subscription> list(String sql, long key) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, key);
                return all(select);
            }
        });
    }

    private static Optional<Subscription> first(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, key);
            List<Subscription> found = all(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Subscription> all(PreparedStatement select) throws SQLException {
        List<Subscription> list = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long guild = rows.getLong("guild_id");
                Long guildId = rows.wasNull() ? null : guild;
                list.add(new Subscription(rows.getLong("id"), rows.getLong("feed_id"), guildId, rows.getLong("channel_id"),
                        rows.getString("audience"), rows.getString("include_filter"), rows.getString("exclude_filter"),
                        SubscriptionStatus.fromColumn(rows.getString("status")), rows.getString("paused_reason"),
                        rows.getBoolean("paused_announced"), SubscriptionSource.fromColumn(rows.getString("source")),
                        SqlValues.getInstant(rows, "created_at"),
                        FullTextMode.parse(rows.getString("full_text")).orElse(FullTextMode.AUTO)));
            }
        }
        return list;
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
