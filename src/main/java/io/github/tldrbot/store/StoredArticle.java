package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;

import java.time.Instant;

/**
 * An article with its row id, its feed and when it was first seen. Read back from the store, the
 * {@link Article} has no {@code contentText}: only what cards and recaps need is kept.
 *
 * @param storyId the story it belongs to (SPEC §5.5), or null before one was assigned
 */
public record StoredArticle(long id, long feedId, Article article, Instant firstSeenAt, Long storyId) {

    /** An article whose story is not assigned yet. */
    public StoredArticle(long id, long feedId, Article article, Instant firstSeenAt) {
        this(id, feedId, article, firstSeenAt, null);
    }
}
