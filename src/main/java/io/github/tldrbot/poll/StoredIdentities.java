package io.github.tldrbot.poll;

import io.github.tldrbot.feed.KnownEntries;
import io.github.tldrbot.store.ArticleStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identities one feed's store holds, as one poll sees them: asked of the store once per id
 * (the parser asks for every entry of the document, the language step again for the new ones),
 * answered from what was read after that. One instance per poll; not thread-safe.
 */
final class StoredIdentities implements KnownEntries {

    private final ArticleStore articles;
    private final long feedId;
    private final Set<String> asked = new HashSet<>();
    private final Set<String> held = new HashSet<>();

    StoredIdentities(ArticleStore articles, long feedId) {
        this.articles = articles;
        this.feedId = feedId;
    }

    /** Which of {@code ids} the feed holds. */
    @Override
    public Set<String> knownOf(List<String> ids) {
        List<String> unasked = new ArrayList<>();
        for (String id : ids) {
            if (!asked.contains(id)) {
                unasked.add(id);
            }
        }
        if (!unasked.isEmpty()) {
            held.addAll(articles.knownIdentities(feedId, unasked));
            asked.addAll(unasked);
        }
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (held.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
