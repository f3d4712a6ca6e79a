package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code articles} table. An article is identified by its feed and its identity (SPEC §4.2);
 * storing one that is already there is a no-op, which is how "new" is decided (SPEC §4.4).
 */
public final class ArticleStore {
    private static final String COLUMNS = "id, feed_id, identity, guid, title, link, published_at, updated_at,"
            + " author, categories, summary, image, lang, first_seen_at, story_id";
    /** Rows deleted per prune transaction, so the writer lock is never held for long. */
    private static final int PRUNE_BATCH = 1_000;
    /** Identities per {@code IN (…)} list: well under every driver's bound-parameter limit. */
    private static final int IDENTITY_BATCH = 500;

    private final Database database;
    private final SqlValues values = new SqlValues();

    public ArticleStore(Database database) {
        this.database = database;
    }

    /**
     * Stores the articles of one document in one transaction and returns the ones that were new for
     * this feed, in input order, carrying the given {@link Article} objects (with their
     * {@code contentText}). An identity repeated within the batch counts once. Nothing is marked for
     * posting; see the overload with a {@link PostChooser}.
     */
    public List<StoredArticle> insertIfNew(long feedId, List<Article> articles, Instant firstSeenAt) {
        return insertIfNew(feedId, articles, firstSeenAt, fresh -> List.of()).fresh();
    }

    /**
     * Stores the new articles and, in the same transaction, marks the ones {@code chooser} picks
     * from them pending (a {@code pending_posts} row, {@code post_state = 'done'}): after a crash
     * before their cards reached the sink they are found by {@link #listPendingPosts} instead of
     * being lost (SPEC §6.2). The chooser's {@link PostChooser#skips} (the flood guard's) are stored
     * in that transaction too.
     */
    public NewArticles insertIfNew(long feedId, List<Article> articles, Instant firstSeenAt, PostChooser chooser) {
        if (articles.isEmpty()) {
            return new NewArticles(List.of(), List.of());
        }
        return database.write(connection -> NewArticleRows.insert(connection, values, feedId, articles, firstSeenAt, chooser));
    }

    /**
     * Which of {@code identities} the feed already holds: lets a caller spend work (language
     * detection) only on the entries of a document that are new, before storing them.
     */
    public Set<String> knownIdentities(long feedId, Collection<String> identities) {
        List<String> all = List.copyOf(identities);
        Set<String> known = new HashSet<>();
        for (int from = 0; from < all.size(); from += IDENTITY_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + IDENTITY_BATCH));
            known.addAll(database.read(connection -> {
                String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT identity FROM articles WHERE feed_id = ? AND identity IN (" + marks + ")")) {
                    select.setLong(1, feedId);
                    for (int i = 0; i < batch.size(); i++) {
                        select.setString(i + 2, batch.get(i));
                    }
                    List<String> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    return found;
                }
            }));
        }
        return known;
    }

    static final String MARK_POSTED = PendingPostRows.DELETE;

    /** Records that the article's card reached the sink: start-up recovery leaves it alone. */
    public void markPosted(long articleId) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(MARK_POSTED)) {
                update.setLong(1, articleId);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Articles chosen for posting whose card never reached the sink (a crash, a sink error), by feed,
     * then first seen, then row id (document order within one poll).
     */
    public List<StoredArticle> listPendingPosts() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM articles WHERE id IN (" + PendingPostRows.IDS + ") ORDER BY feed_id, first_seen_at, id")) {
                List<StoredArticle> list = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        list.add(toStored(rows));
                    }
                }
                return list;
            }
        });
    }

    public Optional<StoredArticle> findById(long id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(toStored(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The articles of the story {@code articleId} belongs to, earliest published first (first seen
     * when a date is missing; ties by id), at most {@code limit}. An article without a story is a
     * story of its own; an unknown id gives an empty list.
     */
    public List<StoredArticle> listStoryOf(long articleId, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM articles"
                    + " WHERE story_id = (SELECT story_id FROM articles WHERE id = ?) OR id = ?"
                    + " ORDER BY COALESCE(published_at, first_seen_at), id LIMIT ?")) {
                select.setLong(1, articleId);
                select.setLong(2, articleId);
                select.setInt(3, limit);
                List<StoredArticle> list = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        list.add(toStored(rows));
                    }
                }
                return list;
            }
        });
    }

    /**
     * Articles first seen at or after {@code since}, oldest first: what the story index reloads at
     * start (SPEC §5.5 — a story's window is measured on its articles, so only recent ones matter).
     */
    public List<StoredArticle> listSeenSince(Instant since) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM articles WHERE first_seen_at >= ? ORDER BY first_seen_at, id")) {
                select.setLong(1, since.toEpochMilli());
                List<StoredArticle> list = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        list.add(toStored(rows));
                    }
                }
                return list;
            }
        });
    }

    /** Records the story of each article (article id → story id), in one transaction. */
    public void setStories(Map<Long, Long> storyByArticle) {
        if (storyByArticle.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE articles SET story_id = ? WHERE id = ?")) {
                for (Map.Entry<Long, Long> e : storyByArticle.entrySet()) {
                    update.setLong(1, e.getValue());
                    update.setLong(2, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** The feed's articles, most recently first seen first (ties: newest row first). */
    public List<StoredArticle> listByFeed(long feedId, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM articles WHERE feed_id = ? ORDER BY first_seen_at DESC, id DESC LIMIT ?")) {
                select.setLong(1, feedId);
                select.setInt(2, limit);
                List<StoredArticle> list = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        list.add(toStored(rows));
                    }
                }
                return list;
            }
        });
    }

    /**
     * Deletes articles first seen before {@code olderThan}, with everything that references them
     * (cards, audiences and deliveries cascade), in batches so writers are not blocked for long.
     *
     * @return the number of articles deleted
     */
    public int prune(Instant olderThan) {
        int total = 0;
        int deleted;
        do {
            deleted = database.write(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE first_seen_at < ? LIMIT ?)")) {
                    delete.setLong(1, olderThan.toEpochMilli());
                    delete.setInt(2, PRUNE_BATCH);
                    return delete.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }

    private StoredArticle toStored(ResultSet row) throws SQLException {
        Article article = new Article(
                row.getString("identity"),
                row.getString("guid"),
                row.getString("title"),
                row.getString("link"),
                SqlValues.getInstant(row, "published_at"),
                SqlValues.getInstant(row, "updated_at"),
                row.getString("author"),
                values.fromJson(row.getString("categories")),
                row.getString("summary"),
                null,
                row.getString("image"),
                row.getString("lang"),
                List.of());
        return new StoredArticle(row.getLong("id"), row.getLong("feed_id"), article, SqlValues.getInstant(row, "first_seen_at"),
                SqlValues.getLongOrNull(row, "story_id"));
    }
}
