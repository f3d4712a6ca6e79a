package io.github.tldrbot.feed;

import java.util.List;
import java.util.Set;

/**
 * Which entries of a document the caller already holds, by id ({@link ArticleIdentity}): a poller
 * answers with the ids its store has for the feed, and {@link FeedParser#parse(byte[], String, String,
 * KnownEntries)} then skips the costly normalisation of those entries (most of a changed document
 * repeats entries stored at earlier polls).
 */
@FunctionalInterface
public interface KnownEntries {

    /** Holds nothing: every entry is normalised. */
    KnownEntries NONE = ids -> Set.of();

    /**
     * @param ids every entry's id, in document order, each once
     * @return the ones the caller holds
     */
    Set<String> knownOf(List<String> ids);
}
