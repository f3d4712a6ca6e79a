package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code post_skips} rows inside the caller's transaction — the one that already inserts the
 * poll's articles or the card's outbox rows — as one JDBC batch, so recording why costs the poll no
 * extra transaction. A pair already recorded (a card handed to the sink again by start-up recovery)
 * is left as it is.
 */
final class PostSkipRows {
    /** Details quote user filters and errors: bounded so one row stays small. */
    private static final int MAX_DETAIL = 500;

    private PostSkipRows() {
    }

    static void insert(Connection connection, List<PostSkip> skips, Instant now) throws SQLException {
        if (skips.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO post_skips (article_id, subscription_id, reason, detail, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (article_id, subscription_id) DO NOTHING")) {
            for (PostSkip skip : skips) {
                insert.setLong(1, skip.articleId());
                if (skip.subscriptionId() == null) {
                    insert.setNull(2, Types.BIGINT);
                } else {
                    insert.setLong(2, skip.subscriptionId());
                }
                insert.setString(3, skip.reason().column());
                insert.setString(4, bounded(skip.detail()));
                insert.setLong(5, now.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
