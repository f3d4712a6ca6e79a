package io.github.tldrbot.story;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.StoredArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every stored article its story (SPEC §5.5) and records it in the store: the running bot's
 * link between the {@link StoryIndex} (in memory, the last window of articles) and the
 * {@code articles.story_id} column. At start {@link #load} fills the index from the articles first
 * seen in the last two windows — their stories as recorded, and a story for any that a crash left
 * without one — so matching goes on after a restart as if the process had never stopped.
 *
 * <p>One process owns story assignment; with several processes (issue 11) this must move behind a
 * lease. Thread-safe: the poll threads call {@link #assign} concurrently.
 */
public final class StoryTracker {

    private final StoryIndex index;
    private final ArticleStore articles;
    private final Clock clock;

    public StoryTracker(StoryIndex index, ArticleStore articles, Clock clock) {
        this.index = index;
        this.articles = articles;
        this.clock = clock;
    }

    /** Fills the index from the store; returns how many articles it holds afterwards. */
    public synchronized int load() {
        Duration window = index.settings().window();
        Instant now = clock.instant();
        Map<Long, Long> assigned = new LinkedHashMap<>();
        for (StoredArticle stored : articles.listSeenSince(now.minus(window.multipliedBy(2)))) {
            if (stored.storyId() != null) {
                index.add(of(stored), stored.storyId(), stored.firstSeenAt());
            } else {
                assigned.put(stored.id(), index.assign(of(stored), stored.firstSeenAt()));
            }
        }
        articles.setStories(assigned);
        index.evictBefore(now.minus(window.multipliedBy(2)));
        return index.size();
    }

    /**
     * Assigns the story of each newly stored article (in the given order: oldest first) and records
     * it; returns article id → story id.
     */
    public synchronized Map<Long, Long> assign(List<StoredArticle> fresh) {
        Map<Long, Long> assigned = new LinkedHashMap<>();
        for (StoredArticle stored : fresh) {
            assigned.put(stored.id(), index.assign(of(stored), stored.firstSeenAt()));
        }
        articles.setStories(assigned);
        index.evictBefore(clock.instant().minus(index.settings().window().multipliedBy(2)));
        return assigned;
    }

    /**
     * Up to {@code max} other stories on close topics for the story card of {@code articleId}, best
     * first, as story ids (each the id of the story's first article); empty when the article is no
     * longer in the index (older than two windows).
     */
    public List<Long> related(long articleId, int max) {
        return index.related(articleId, max).stream().map(StoryIndex.Related::storyId).toList();
    }

    /**
     * Up to {@code max} earlier stories about the same main entities as the story of {@code articleId},
     * oldest first, as story ids; only those the index still holds (about two windows back).
     */
    public List<Long> earlier(long articleId, int max) {
        return index.earlierAbout(articleId, max).stream().map(StoryIndex.Earlier::storyId).toList();
    }

    /** What matching reads of a stored (or previewed) article from feed {@code feedId} (0 when unknown). */
    public static StoryArticle of(long id, long feedId, Article a) {
        String text = a.contentText() != null && !a.contentText().isBlank() ? a.contentText() : a.summary();
        return new StoryArticle(id, a.title(), text, a.published(), a.link(),
                a.links().stream().map(ArticleLink::href).toList(), a.lang(), feedId);
    }

    private static StoryArticle of(StoredArticle stored) {
        return of(stored.id(), stored.feedId(), stored.article());
    }
}
