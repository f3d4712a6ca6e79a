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

    /**
     * The decisions not to post some of {@code fresh} that must be stored because they cannot be
     * derived later (the flood guard, SPEC §6.5); written in the same transaction. None by default.
     *
     * @param chosen what {@link #choose} returned for {@code fresh}
     */
    default List<PostSkip> skips(List<StoredArticle> fresh, List<StoredArticle> chosen) {
        return List.of();
    }
}
