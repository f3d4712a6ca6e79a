package io.github.tldrbot.story;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Decides which story each new article joins (SPEC §5.5): the best-matching story with an article
 * published within the window of the new one, if it matches well enough, or else a new story whose id
 * is the article's own id (so a story id is a plain article id and can be stored as a column).
 *
 * <p>Incremental and bounded: only articles of the last two windows (by publication time, never the
 * clock) are held, in an inverted index from features (title and lead words, named-entity-like
 * phrases, numbers, links) to articles. A new article gathers candidates from the postings of its
 * rarest features first, within a fixed budget of postings, so its cost does not grow with the number
 * of stored articles; it never scans the stories. Candidates are scored by TF-IDF cosine over all
 * features, with document frequencies that decay with a half-life instead of being dropped with the
 * window, so that a word stays known as common when the window is nearly empty. A story's score blends
 * its best-matching article (single link) with the mean over its articles in the window (average
 * link): the mean stops a chain of loosely related follow-ups from growing into one story.
 * An article whose canonical link equals that of an article in the index always joins its story.
 *
 * <p>The parts: {@link StoryFeatures} (what an article is made of), {@link Vocabulary} (the terms and
 * their decaying frequencies), {@link StoryScorer} (candidates and scores), {@link EarlierStories}
 * (timelines); this class holds the articles and stories of the window and decides.
 *
 * <p>After a restart, {@link #add} loads already-assigned articles back in (oldest first). Methods are
 * synchronized; one index serves one process.
 */
public final class StoryIndex {

    /** A timeline's earlier story began at least this long before the story itself (another news cycle). */
    static final long EARLIER_GAP_SECONDS = 12 * 3600;

    private final StorySettings settings;
    private final StoryFeatures features;
    private final long windowSeconds;
    private final Vocabulary vocabulary;
    private final Map<Long, HeldStory> stories = new HashMap<>();
    private final StoryScorer scorer;
    private final EarlierStories earlier;

    private final Map<Long, IndexedArticle> byId = new HashMap<>();
    private final Map<String, IndexedArticle> byUrl = new HashMap<>();
    private final PriorityQueue<IndexedArticle> byTime = new PriorityQueue<>(Comparator.comparingLong(e -> e.time));

    private int termsAfterLastPrune = 1024;
    private int heldAfterLastPrune;
    private int evictedSincePrune;

    public StoryIndex(StorySettings settings) {
        this.settings = settings;
        this.features = new StoryFeatures(settings);
        this.windowSeconds = settings.window().toSeconds();
        this.vocabulary = new Vocabulary(settings.dfHalfLife().toSeconds());
        this.scorer = new StoryScorer(settings, vocabulary, stories);
        this.earlier = new EarlierStories(vocabulary, stories);
    }

    /** An index with {@link StorySettings#defaults()}. */
    public StoryIndex() {
        this(StorySettings.defaults());
    }

    /**
     * The story {@code a} joins: an existing story's id, or {@code a.id()} when it starts one. The
     * article is then part of the index. Assigning an id already in the index returns its story again.
     *
     * @param seenAt when the article was collected: stands in for a missing publication time and for
     *               one more than a day in the future (a feed error that would otherwise evict the window)
     */
    public synchronized long assign(StoryArticle a, Instant seenAt) {
        return assignAt(a, effectiveTime(a.published(), seenAt));
    }

    /**
     * {@link #assign(StoryArticle, Instant)} without a collection time: an article without a publication
     * time is placed at the latest time the index has seen.
     */
    public synchronized long assign(StoryArticle a) {
        return assignAt(a, effectiveTime(a.published(), null));
    }

    /**
     * Loads an article whose story is already known (after a restart, oldest first): it becomes a
     * candidate for later articles and counts in the document frequencies. Loading more than the window
     * (up to a few {@link StorySettings#dfHalfLife() half-lives}) makes the frequencies as they were; the
     * articles older than the window are then dropped from the index again at once.
     */
    public synchronized void add(StoryArticle a, long storyId, Instant seenAt) {
        if (byId.containsKey(a.id())) {
            return;
        }
        long t = effectiveTime(a.published(), seenAt);
        StoryFeatures.Extracted x = features.extract(a);
        insert(a.id(), a.feedId(), storyId, t, vocabulary.count(x, t), x.canonicalUrl());
    }

    /** {@link #add(StoryArticle, long, Instant)} without a collection time. */
    public synchronized void add(StoryArticle a, long storyId) {
        add(a, storyId, null);
    }

    /**
     * Drops every article published before {@code horizon}; their stories stay as long as an article of
     * theirs does. The vocabulary is pruned once a quarter of the articles held at the last prune has
     * gone (or the index is empty), not at every call: the poller calls this after every poll, and a
     * prune walks every term.
     */
    public synchronized void evictBefore(Instant horizon) {
        long h = horizon.getEpochSecond();
        while (!byTime.isEmpty() && byTime.peek().time < h) {
            evict(byTime.poll());
        }
        if (evictedSincePrune > 0 && (byId.isEmpty() || evictedSincePrune >= Math.max(256, heldAfterLastPrune / 4))) {
            pruneTerms();
        }
    }

    /** The story of an article still held in the index. */
    public synchronized Optional<Long> findStory(long articleId) {
        IndexedArticle e = byId.get(articleId);
        return e == null ? Optional.empty() : Optional.of(e.storyId);
    }

    /**
     * Up to {@code max} other stories of the window on close topics (SPEC §5.1 {@code relatedUpdates}):
     * those an article of the index scores at least {@link StorySettings#relatedThreshold()} against,
     * best first, never its own story. Empty for an article no longer held.
     */
    public synchronized List<Related> related(long articleId, int max) {
        IndexedArticle e = byId.get(articleId);
        if (e == null || max <= 0) {
            return List.of();
        }
        return scorer.scoreStories(e.terms, e.tf, e.time, e.feedId).stream()
                .filter(m -> m.storyId() != e.storyId && m.score() >= settings.relatedThreshold())
                .sorted(Comparator.comparingDouble((StoryScorer.Match m) -> -m.score()).thenComparingLong(StoryScorer.Match::storyId))
                .limit(max).map(m -> new Related(m.storyId(), m.score())).toList();
    }

    /**
     * Up to {@code max} earlier stories about the same main entities as the story of {@code articleId}
     * (SPEC §5.1 {@code timeline}): stories whose first held article was published at least
     * {@link #EARLIER_GAP_SECONDS} before this story's first, sharing a name-like phrase that few
     * articles carry, the most shared first. Only what the index holds (about two windows back) is
     * seen. Empty for an article no longer held.
     */
    public synchronized List<Earlier> earlierAbout(long articleId, int max) {
        IndexedArticle e = byId.get(articleId);
        HeldStory own = e == null ? null : stories.get(e.storyId);
        if (own == null || max <= 0) {
            return List.of();
        }
        return earlier.about(e, own, max);
    }

    /** Number of articles held (those of about the last two windows). */
    public synchronized int size() {
        return byId.size();
    }

    /** Number of stories with at least one article held. */
    public synchronized int storyCount() {
        return stories.size();
    }

    /** Number of distinct features known (held articles' features plus recently seen ones). */
    public synchronized int termCount() {
        return vocabulary.size();
    }

    public StorySettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------

    private long assignAt(StoryArticle a, long t) {
        IndexedArticle known = byId.get(a.id());
        if (known != null) {
            return known.storyId;
        }
        StoryFeatures.Extracted x = features.extract(a);
        TermVector doc = vocabulary.count(x, t);
        long story = a.id();
        IndexedArticle sameUrl = x.canonicalUrl() == null ? null : byUrl.get(x.canonicalUrl());
        if (sameUrl != null) {
            story = sameUrl.storyId;
        } else {
            StoryScorer.Match best = scorer.bestStory(doc.terms(), doc.tf(), t, a.feedId());
            if (best != null) {
                story = best.storyId();
            }
        }
        insert(a.id(), a.feedId(), story, t, doc, x.canonicalUrl());
        return story;
    }

    private long effectiveTime(Instant published, Instant seenAt) {
        if (published != null && (seenAt == null || !published.isAfter(seenAt.plus(Duration.ofDays(1))))) {
            return published.getEpochSecond();
        }
        if (seenAt != null) {
            return seenAt.getEpochSecond();
        }
        long latest = vocabulary.latest();
        return latest == Long.MIN_VALUE ? 0 : latest;
    }

    private void insert(long id, long feedId, long storyId, long t, TermVector doc, String url) {
        Term[] ts = doc.terms();
        IndexedArticle e = new IndexedArticle(id, feedId, storyId, t, doc, url);
        e.norm = vocabulary.norm(e.terms, e.tf);
        for (int i = 0; i < ts.length; i++) {
            ts[i].postings.add(e, e.tf[i]);
        }
        byId.put(id, e);
        if (e.url != null) {
            byUrl.putIfAbsent(e.url, e);
        }
        byTime.add(e);
        stories.computeIfAbsent(storyId, HeldStory::new).members.add(e);
        // keep two windows: an article up to one window late still meets every story of its own window
        long horizon = vocabulary.latest() - 2 * windowSeconds;
        while (!byTime.isEmpty() && byTime.peek().time < horizon) {
            evict(byTime.poll());
        }
        if (vocabulary.size() > 2 * termsAfterLastPrune) {
            pruneTerms();
        }
    }

    private void evict(IndexedArticle e) {
        e.evicted = true;
        evictedSincePrune++;
        byId.remove(e.id);
        if (e.url != null && byUrl.get(e.url) == e) {
            byUrl.remove(e.url);
        }
        HeldStory s = stories.get(e.storyId);
        if (s != null) {
            s.members.remove(e);
            if (s.members.isEmpty()) {
                stories.remove(e.storyId);
            }
        }
        for (Term term : e.terms) {
            term.dead++;
            if (term.dead > 16 && term.dead * 2 > term.postings.size()) {
                term.postings.compact();
                term.dead = 0;
            }
        }
    }

    /** Prunes the vocabulary and restarts the counts that decide when to prune again. */
    private void pruneTerms() {
        vocabulary.prune();
        termsAfterLastPrune = Math.max(1024, vocabulary.size());
        heldAfterLastPrune = byId.size();
        evictedSincePrune = 0;
    }

    /** An earlier story about the same main entities: its id, when it started, how much it shares. */
    public record Earlier(long storyId, Instant firstPublished, double score) {
    }

    /** A story close to another one: its id and its similarity score. */
    public record Related(long storyId, double score) {
    }
}
