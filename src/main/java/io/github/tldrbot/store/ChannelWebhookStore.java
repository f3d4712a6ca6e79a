package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code channel_webhooks} table (V15): one bot-made webhook per channel, so the bot creates it
 * once and every process and restart reuses it instead of filling the channel's webhook list (a
 * channel holds at most 15).
 */
public final class ChannelWebhookStore {
    private final Database database;

    public ChannelWebhookStore(Database database) {
        this.database = database;
    }

    public Optional<ChannelWebhook> find(long channelId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT webhook_id, token FROM channel_webhooks WHERE channel_id = ?")) {
                select.setLong(1, channelId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new ChannelWebhook(channelId, row.getLong(1), row.getString(2)))
                            : Optional.<ChannelWebhook>empty();
                }
            }
        });
    }

    /** Records (or replaces) the channel's webhook. */
    public void save(ChannelWebhook webhook, Instant now) {
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO channel_webhooks (channel_id, webhook_id, token, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (channel_id) DO UPDATE SET webhook_id = excluded.webhook_id,"
                            + " token = excluded.token, created_at = excluded.created_at")) {
                upsert.setLong(1, webhook.channelId());
                upsert.setLong(2, webhook.webhookId());
                upsert.setString(3, webhook.token());
                upsert.setLong(4, now.toEpochMilli());
                return upsert.executeUpdate();
            }
        });
    }

    /** Forgets the channel's webhook when it is still {@code webhookId} (someone deleted it); true when removed. */
    public boolean forget(long channelId, long webhookId) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM channel_webhooks WHERE channel_id = ? AND webhook_id = ?")) {
                delete.setLong(1, channelId);
                delete.setLong(2, webhookId);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
