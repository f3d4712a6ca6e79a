package io.github.tldrbot.store;

import io.github.tldrbot.feed.Article;

import java.time.Instant;

/**
 * An article with its row id, its feed and when it was first seen. Read back from the store, the
 * {@link Article} has no {@code contentText}: only what cards and recaps need is kept.
 */
public record StoredArticle(long id, long feedId, Article article, Instant firstSeenAt) {
}
