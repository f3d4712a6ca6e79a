package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The target columns of {@code subscriptions} (V15: {@code thread}, {@code webhook_name},
 * {@code webhook_avatar}). Kept apart from {@link SubscriptionStore} so that the delivery path
 * reads them only where a card is sent or listed; a use case writes them in the same transaction
 * as the subscription itself.
 */
public final class SubscriptionTargetStore {
    private final Database database;

    public SubscriptionTargetStore(Database database) {
        this.database = database;
    }

    /** The subscription's target; {@link SubscriptionTarget#PLAIN} when the subscription is gone. */
    public SubscriptionTarget find(long subscriptionId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT thread, webhook_name, webhook_avatar FROM subscriptions WHERE id = ?")) {
                select.setLong(1, subscriptionId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? read(row) : SubscriptionTarget.PLAIN;
                }
            }
        });
    }

    /** The targets of the guild's subscriptions by subscription id ({@code /feed list}). */
    public Map<Long, SubscriptionTarget> listForGuild(long guildId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, thread, webhook_name, webhook_avatar FROM subscriptions WHERE guild_id = ?")) {
                select.setLong(1, guildId);
                Map<Long, SubscriptionTarget> out = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.put(rows.getLong("id"), read(rows));
                    }
                }
                return out;
            }
        });
    }

    /** Replaces the subscription's target; true when it exists. */
    public boolean set(long subscriptionId, SubscriptionTarget target) {
        SubscriptionTarget t = target == null ? SubscriptionTarget.PLAIN : target;
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE subscriptions SET thread = ?, webhook_name = ?, webhook_avatar = ? WHERE id = ?")) {
                update.setBoolean(1, t.thread());
                update.setString(2, t.webhookName());
                update.setString(3, t.webhookAvatar());
                update.setLong(4, subscriptionId);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static SubscriptionTarget read(ResultSet row) throws java.sql.SQLException {
        return new SubscriptionTarget(row.getBoolean("thread"), row.getString("webhook_name"), row.getString("webhook_avatar"));
    }
}
