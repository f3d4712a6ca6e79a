package io.github.tldrbot.store;

import java.util.List;

/**
 * Picks, inside the insert transaction, which of a poll's new articles are to be posted (the poll
 * package's selection rules), so that choice is stored atomically with the articles.
 */
@FunctionalInterface
public interface PostChooser {
    /** @param fresh the new articles in document order; returns the ones to post, in posting order */
    List<StoredArticle> choose(List<StoredArticle> fresh);
}
