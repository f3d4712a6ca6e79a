package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for {@code /health} and {@code /metrics} (SPEC §11), read at scrape time: outbox rows by
 * status, feeds by state, and whether the store answers at all.
 */
public final class StatusCounts {
    private final Database database;

    public StatusCounts(Database database) {
        this.database = database;
    }

    /** Null when the store answers a trivial query; else what went wrong, in one line. */
    public String problem() {
        try {
            return database.read(connection -> connection.isValid(2) ? null : "the store did not answer within 2 s");
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Outbox rows by status (pending, sending, sent, failed, skipped); statuses without rows are absent. */
    public Map<String, Long> deliveriesByStatus() {
        return grouped("SELECT status, COUNT(*) FROM deliveries GROUP BY status");
    }

    /** Feeds as an operator watches them: {@code ok} (active, last poll fine), {@code failing} (active, failing), {@code disabled}. */
    public Map<String, Long> feedsByState() {
        return grouped("SELECT CASE WHEN status <> 'active' THEN 'disabled' WHEN consecutive_failures > 0 THEN 'failing'"
                + " ELSE 'ok' END, COUNT(*) FROM feeds GROUP BY 1");
    }

    private Map<String, Long> grouped(String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                Map<String, Long> counts = new TreeMap<>();
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
                return counts;
            }
        });
    }
}
