package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code deliveries} columns the outbox selects, and their mapping to {@link Delivery}. */
final class DeliveryRows {
    static final String COLUMNS = "d.id, d.subscription_id, d.article_id, d.channel_id, d.status, d.attempts,"
            + " d.next_attempt_at, d.last_attempt_at, d.last_error, d.message_id, d.created_at, d.sent_at, d.edit_of";
    static final String JOINED = " FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id";

    private DeliveryRows() {
    }

    static List<Delivery> list(PreparedStatement select) throws SQLException {
        List<Delivery> list = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                list.add(new Delivery(rows.getLong("id"), rows.getLong("subscription_id"), rows.getLong("article_id"),
                        rows.getLong("channel_id"), DeliveryStatus.fromColumn(rows.getString("status")), rows.getInt("attempts"),
                        SqlValues.getInstant(rows, "next_attempt_at"), SqlValues.getInstant(rows, "last_attempt_at"),
                        rows.getString("last_error"), rows.getString("message_id"),
                        SqlValues.getInstant(rows, "created_at"), SqlValues.getInstant(rows, "sent_at"),
                        SqlValues.getLongOrNull(rows, "edit_of")));
            }
        }
        return list;
    }
}
