package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The insert of one document's articles for {@link ArticleStore#insertIfNew}, inside its
 * transaction: the new rows, the choice of what to post (pending marks, flood-guard skips).
 *
 * <p>The chooser is asked first about all the articles as they will be stored (provisional
 * negative ids), so each row is written once with its final {@code post_state}; it is asked again
 * about the ones that were really new, and a row whose answer changed (an identity that was already
 * stored, or repeated in the batch) is corrected. Every later write to an article's row costs a
 * re-index of the row on PostgreSQL.
 */
final class NewArticleRows {
    /** {@code post_state} of an article chosen for posting (whether or not its card reached the sink yet). */
    private static final String CHOSEN = "done";

    private NewArticleRows() {
    }

    static NewArticles insert(Connection connection, SqlValues values, long feedId, List<Article> articles,
                              Instant firstSeenAt, PostChooser chooser) throws SQLException {
        List<StoredArticle> provisional = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            provisional.add(new StoredArticle(-1L - i, feedId, articles.get(i), firstSeenAt));
        }
        Set<Long> chosenFirst = ids(chooser.choose(List.copyOf(provisional)));
        List<StoredArticle> inserted = new ArrayList<>();
        Map<Long, Boolean> writtenChosen = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO articles (feed_id, identity, guid, title, link, published_at, updated_at, author,"
                        + " categories, summary, image, lang, first_seen_at, post_state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (feed_id, identity) DO NOTHING RETURNING id")) {
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                boolean chosen = chosenFirst.contains(-1L - i);
                bindArticle(insert, values, feedId, article, firstSeenAt);
                insert.setString(14, chosen ? CHOSEN : null);
                try (ResultSet key = insert.executeQuery()) {
                    if (key.next()) {
                        inserted.add(new StoredArticle(key.getLong(1), feedId, article, firstSeenAt));
                        writtenChosen.put(key.getLong(1), chosen);
                    }
                }
            }
        }
        List<StoredArticle> toPost = List.copyOf(chooser.choose(List.copyOf(inserted)));
        correctChoices(connection, writtenChosen, ids(toPost));
        PendingPostRows.insert(connection, toPost);
        PostSkipRows.insert(connection, chooser.skips(List.copyOf(inserted), toPost), firstSeenAt);
        return new NewArticles(List.copyOf(inserted), toPost);
    }

    private static void bindArticle(PreparedStatement insert, SqlValues values, long feedId, Article article,
                                    Instant firstSeenAt) throws SQLException {
        insert.setLong(1, feedId);
        insert.setString(2, article.id());
        insert.setString(3, article.guid());
        insert.setString(4, article.title());
        insert.setString(5, article.link());
        SqlValues.setInstant(insert, 6, article.published());
        SqlValues.setInstant(insert, 7, article.updated());
        insert.setString(8, article.author());
        insert.setString(9, values.toJson(article.categories()));
        insert.setString(10, article.summary());
        insert.setString(11, article.image());
        insert.setString(12, article.lang());
        insert.setLong(13, firstSeenAt.toEpochMilli());
    }

    /** Rewrites {@code post_state} of the rows whose first choice differs from the final one. */
    private static void correctChoices(Connection connection, Map<Long, Boolean> written, Set<Long> chosen) throws SQLException {
        List<Long> changed = written.entrySet().stream()
                .filter(row -> chosen.contains(row.getKey()) != row.getValue()).map(Map.Entry::getKey).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE articles SET post_state = ? WHERE id = ?")) {
            for (long id : changed) {
                update.setString(1, chosen.contains(id) ? CHOSEN : null);
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Set<Long> ids(List<StoredArticle> articles) {
        Set<Long> ids = new HashSet<>();
        articles.forEach(a -> ids.add(a.id()));
        return ids;
    }
}
