package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code pending_posts} rows (migration V18): an article chosen for posting has one from the
 * transaction that stores it until its card reached the sink, so a crash in between is found at
 * start-up and repaired (SPEC §6.2). A narrow table of its own rather than a state updated on the
 * article's row: on PostgreSQL every update of an article re-indexes the row, full-text entries
 * included, and marking pending then done did that twice for every posted article.
 */
final class PendingPostRows {
    /** Clears the mark once the article's card reached the sink. */
    static final String DELETE = "DELETE FROM pending_posts WHERE article_id = ?";
    /** Selects the pending articles' ids (a handful: only those a crash or a sink error left). */
    static final String IDS = "SELECT article_id FROM pending_posts";

    private PendingPostRows() {
    }

    /** Marks {@code chosen} pending, inside the caller's transaction. */
    static void insert(Connection connection, List<StoredArticle> chosen) throws SQLException {
        if (chosen.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pending_posts (article_id) VALUES (?)")) {
            for (StoredArticle article : chosen) {
                insert.setLong(1, article.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
