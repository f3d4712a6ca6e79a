package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads for {@code /feed why} and {@code /feed resume catch-up:true}: finding an article among a
 * channel's feeds, its posting history for one subscription, and the articles a paused subscription
 * skipped ({@code post_skips}, written by the poll and the outbox sink).
 */
public final class PostHistoryStore {
    /** By poll, then by date, then document order (a feed lists newest first, so a lower id is newer). */
    private static final String NEWEST_FIRST = " ORDER BY first_seen_at DESC, COALESCE(published_at, updated_at, first_seen_at) DESC, id";

    private final Database database;
    private final ArticleStore articles;

    public PostHistoryStore(Database database) {
        this.database = database;
        this.articles = new ArticleStore(database);
    }

    /** The feed's newest article: of its latest poll, the latest dated (what {@code /feed test} posts). */
    public Optional<StoredArticle> findNewest(long feedId) {
        List<StoredArticle> found = load(database.read(connection -> ids(connection,
                "SELECT id FROM articles WHERE feed_id = ?" + NEWEST_FIRST + " LIMIT ?", List.of(feedId), List.of(), 1)));
        return found.stream().findFirst();
    }

    /** The articles of {@code feedIds} whose link is one of {@code links}, newest first, at most {@code limit}. */
    public List<StoredArticle> findByLink(List<Long> feedIds, List<String> links, int limit) {
        if (feedIds.isEmpty() || links.isEmpty()) {
            return List.of();
        }
        return load(database.read(connection -> ids(connection, "SELECT id FROM articles WHERE feed_id IN (" + marks(feedIds.size())
                + ") AND link IN (" + marks(links.size()) + ") " + NEWEST_FIRST + " LIMIT ?", feedIds, links, limit)));
    }

    /**
     * The articles of {@code feedIds} whose title contains every one of {@code words} (case-insensitive
     * for ASCII letters), newest first, at most {@code limit}. A channel has a few feeds, so this reads
     * their articles through the (feed, first seen) index.
     */
    public List<StoredArticle> searchTitles(List<Long> feedIds, List<String> words, int limit) {
        if (feedIds.isEmpty() || words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM articles WHERE feed_id IN (").append(marks(feedIds.size())).append(')');
        List<String> patterns = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND LOWER(title) LIKE ? ESCAPE '\\'");
            patterns.add("%" + word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(NEWEST_FIRST).append(" LIMIT ?");
        return load(database.read(connection -> ids(connection, sql.toString(), feedIds, patterns, limit)));
    }

    /**
     * What happened to the article for the subscription. A plain read, not a transaction: on SQLite a
     * transaction would take the writer lock from the poller for a moderator's question.
     */
    public PostHistory history(long articleId, long subscriptionId) {
        return database.read(connection -> {
            String postState = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CASE WHEN EXISTS (SELECT 1 FROM pending_posts p WHERE p.article_id = a.id) THEN 'pending'"
                            + " ELSE a.post_state END FROM articles a WHERE a.id = ?")) {
                select.setLong(1, articleId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        postState = row.getString(1);
                    }
                }
            }
            Optional<Delivery> delivery;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DeliveryRows.COLUMNS
                    + " FROM deliveries d WHERE d.subscription_id = ? AND d.article_id = ?")) {
                select.setLong(1, subscriptionId);
                select.setLong(2, articleId);
                delivery = DeliveryRows.list(select).stream().findFirst();
            }
            Optional<Delivery> edited = Optional.empty();
            if (delivery.isPresent() && delivery.get().isEdit()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + DeliveryRows.COLUMNS
                        + " FROM deliveries d WHERE d.id = ?")) {
                    select.setLong(1, delivery.get().editOf());
                    edited = DeliveryRows.list(select).stream().findFirst();
                }
            }
            return new PostHistory(postState, delivery, edited, skips(connection, articleId, subscriptionId));
        });
    }

    /**
     * The newest {@code limit} articles the subscription skipped as paused since {@code since} (by
     * first seen, then date, then document order), returned oldest first: what a catch-up posts, in
     * posting order.
     */
    public List<Long> listPausedSince(long subscriptionId, Instant since, int limit) {
        List<Long> newestFirst = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT k.article_id FROM post_skips k JOIN articles a ON a.id = k.article_id"
                            + " WHERE k.subscription_id = ? AND k.reason = ? AND k.created_at >= ?"
                            // newest first: by poll, then by date, then document order (a feed lists newest first)
                            + " ORDER BY a.first_seen_at DESC, COALESCE(a.published_at, a.updated_at, a.first_seen_at) DESC,"
                            + " a.id LIMIT ?")) {
                select.setLong(1, subscriptionId);
                select.setString(2, SkipReason.PAUSED.column());
                select.setLong(3, since.toEpochMilli());
                select.setInt(4, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
        List<Long> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Forgets the subscription's skip of the article (it was enqueued after all: a catch-up). */
    public void forgetSkip(long subscriptionId, long articleId) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM post_skips WHERE subscription_id = ? AND article_id = ?")) {
                delete.setLong(1, subscriptionId);
                delete.setLong(2, articleId);
                return delete.executeUpdate();
            }
        });
    }

    private static List<PostSkip> skips(Connection connection, long articleId, long subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT subscription_id, reason, detail FROM post_skips WHERE article_id = ?"
                        + " AND (subscription_id = ? OR subscription_id IS NULL) ORDER BY id")) {
            select.setLong(1, articleId);
            select.setLong(2, subscriptionId);
            List<PostSkip> skips = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    skips.add(new PostSkip(articleId, SqlValues.getLongOrNull(rows, "subscription_id"),
                            SkipReason.fromColumn(rows.getString("reason")), rows.getString("detail")));
                }
            }
            return skips;
        }
    }

    private List<StoredArticle> load(List<Long> ids) {
        List<StoredArticle> found = new ArrayList<>();
        for (long id : ids) {
            articles.findById(id).ifPresent(found::add);
        }
        return found;
    }

    private static List<Long> ids(Connection connection, String sql, List<Long> feedIds, List<String> texts, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (long feedId : feedIds) {
                select.setLong(index++, feedId);
            }
            for (String text : texts) {
                select.setString(index++, text);
            }
            select.setInt(index, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
