package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moderator pauses ({@code moderator_pauses}, {@code /feed pause} and {@code /feed resume}). A
 * moderator pause sets the subscription's status to paused like the 403/404 pause of SPEC §6.4 (so
 * the outbox and the sink treat both alike), but is marked announced (a moderator's own pause is not
 * announced to the guild) and has a row here, which keeps the delivery worker from probing or
 * lifting it ({@link SubscriptionStore#probe}, {@link SubscriptionStore#resume}).
 */
public final class ModeratorPauseStore {
    private final Database database;

    public ModeratorPauseStore(Database database) {
        this.database = database;
    }

    /**
     * Pauses the subscription for {@code moderatorId}, also when the bot had paused it already.
     *
     * @return the pause in force: the earlier one when a moderator had paused it before (unchanged)
     */
    public ModeratorPause pause(long subscriptionId, long moderatorId, String reason, Instant now) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE subscriptions SET status = 'paused', paused_reason = ?, paused_announced = TRUE WHERE id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM moderator_pauses m WHERE m.subscription_id = subscriptions.id)")) {
                update.setString(1, reason);
                update.setLong(2, subscriptionId);
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO moderator_pauses (subscription_id, moderator_id, paused_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (subscription_id) DO NOTHING")) {
                insert.setLong(1, subscriptionId);
                insert.setLong(2, moderatorId);
                insert.setLong(3, now.toEpochMilli());
                insert.executeUpdate();
            }
            return find(subscriptionId).orElseThrow(
                    () -> new DatabaseException("storage: subscription " + subscriptionId + " has no pause after pausing"));
        });
    }

    /**
     * Makes the subscription active again, whoever paused it (a channel that still refuses the bot
     * is paused again by its next send).
     *
     * @return the moderator pause that was lifted, empty when none was in force
     */
    public Optional<ModeratorPause> resume(long subscriptionId) {
        return database.write(connection -> {
            Optional<ModeratorPause> lifted = find(subscriptionId);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM moderator_pauses WHERE subscription_id = ?")) {
                delete.setLong(1, subscriptionId);
                delete.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE subscriptions SET status = 'active', paused_reason = NULL, paused_announced = FALSE WHERE id = ?")) {
                update.setLong(1, subscriptionId);
                update.executeUpdate();
            }
            return lifted;
        });
    }

    public Optional<ModeratorPause> find(long subscriptionId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT subscription_id, moderator_id, paused_at FROM moderator_pauses WHERE subscription_id = ?")) {
                select.setLong(1, subscriptionId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(toPause(row)) : Optional.empty();
                }
            }
        });
    }

    /** The moderator pauses of the guild's subscriptions, by subscription id ({@code /feed list}, {@code /feed status}). */
    public Map<Long, ModeratorPause> listForGuild(long guildId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT m.subscription_id, m.moderator_id, m.paused_at FROM moderator_pauses m"
                            + " JOIN subscriptions s ON s.id = m.subscription_id WHERE s.guild_id = ?")) {
                select.setLong(1, guildId);
                Map<Long, ModeratorPause> pauses = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ModeratorPause pause = toPause(rows);
                        pauses.put(pause.subscriptionId(), pause);
                    }
                }
                return pauses;
            }
        });
    }

    private static ModeratorPause toPause(ResultSet row) throws SQLException {
        return new ModeratorPause(row.getLong("subscription_id"), row.getLong("moderator_id"),
                SqlValues.getInstant(row, "paused_at"));
    }
}
