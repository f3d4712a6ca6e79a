package io.github.tldrbot.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

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
 * <p>After a restart, {@link #add} loads already-assigned articles back in (oldest first). Methods are
 * synchronized; one index serves one process.
 */
public final class StoryIndex {

    /** A link shared by fewer articles than this (decayed count) earns the link bonus. */
    private static final double RARE_LINK_DF = 5;
    /** Rebase the decaying document frequencies after this many half-lives (keeps doubles finite). */
    private static final double REBASE_AFTER_HALF_LIVES = 200;
    /**
     * A term with no article left in the index is forgotten once its decayed frequency is worth less than
     * one fresh document: what was seen once (an article's own link, a one-off name) is dropped with its
     * article, so the vocabulary holds the window's terms plus those that recur.
     */
    private static final double FORGET_DF = 1.0;
    /** A timeline's earlier story began at least this long before the story itself (another news cycle). */
    static final long EARLIER_GAP_SECONDS = 12 * 3600;
    /** A name-like phrase held by more articles than this is too common to tie two stories together. */
    private static final int MAIN_ENTITY_POSTINGS = 50;

    private final StorySettings settings;
    private final StoryFeatures features;
    private final long windowSeconds;
    private final double halfLifeSeconds;

    private final Map<String, Term> terms = new HashMap<>();
    private final Map<Long, Story> stories = new HashMap<>();
    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, Entry> byUrl = new HashMap<>();
    private final PriorityQueue<Entry> byTime = new PriorityQueue<>(Comparator.comparingLong(e -> e.time));

    private int nextTermId;
    private int queryStamp;
    private long latest = Long.MIN_VALUE;
    /** Decayed frequencies are stored multiplied by 2^((t - dfEpoch) / halfLife). */
    private long dfEpoch = Long.MIN_VALUE;
    private double docs;
    private int termsAfterLastPrune = 1024;
    private int heldAfterLastPrune;
    private int evictedSincePrune;

    public StoryIndex(StorySettings settings) {
        this.settings = settings;
        this.features = new StoryFeatures(settings);
        this.windowSeconds = settings.window().toSeconds();
        this.halfLifeSeconds = settings.dfHalfLife().toSeconds();
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
        insert(a.id(), a.feedId(), storyId, t, countDocument(x, t), x.canonicalUrl());
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
        Entry e = byId.get(articleId);
        return e == null ? Optional.empty() : Optional.of(e.storyId);
    }

    /**
     * Up to {@code max} other stories of the window on close topics (SPEC §5.1 {@code relatedUpdates}):
     * those an article of the index scores at least {@link StorySettings#relatedThreshold()} against,
     * best first, never its own story. Empty for an article no longer held.
     */
    public synchronized List<Related> related(long articleId, int max) {
        Entry e = byId.get(articleId);
        if (e == null || max <= 0) {
            return List.of();
        }
        return scoreStories(e.terms, e.tf, e.time, e.feedId).stream()
                .filter(m -> m.storyId != e.storyId && m.score >= settings.relatedThreshold())
                .sorted(Comparator.comparingDouble((Match m) -> -m.score).thenComparingLong(Match::storyId))
                .limit(max).map(m -> new Related(m.storyId, m.score)).toList();
    }

    /**
     * Up to {@code max} earlier stories about the same main entities as the story of {@code articleId}
     * (SPEC §5.1 {@code timeline}): stories whose first held article was published at least
     * {@link #EARLIER_GAP_SECONDS} before this story's first, sharing a name-like phrase that few
     * articles carry, the most shared first. Only what the index holds (about two windows back) is
     * seen. Empty for an article no longer held.
     */
    public synchronized List<Earlier> earlierAbout(long articleId, int max) {
        Entry e = byId.get(articleId);
        Story own = e == null ? null : stories.get(e.storyId);
        if (own == null || max <= 0) {
            return List.of();
        }
        long start = own.members.stream().mapToLong(m -> m.time).min().orElse(e.time);
        double scale = Math.pow(2, (latest - dfEpoch) / halfLifeSeconds);
        Map<Long, double[]> shared = new HashMap<>();
        for (Term term : e.terms) {
            // a name that many articles carry ("United States") says nothing about this story
            if (!term.entity || term.postings.size() > MAIN_ENTITY_POSTINGS) {
                continue;
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < term.postings.size(); i++) {
                Entry p = term.postings.entry(i);
                if (!p.evicted && p.storyId != e.storyId && seen.add(p.storyId)) {
                    shared.computeIfAbsent(p.storyId, k -> new double[1])[0] += idf(term, scale);
                }
            }
        }
        List<Earlier> out = new ArrayList<>();
        for (Map.Entry<Long, double[]> candidate : shared.entrySet()) {
            Story s = stories.get(candidate.getKey());
            if (s == null) {
                continue;
            }
            long first = s.members.stream().mapToLong(m -> m.time).min().orElse(Long.MAX_VALUE);
            if (first <= start - EARLIER_GAP_SECONDS) {
                out.add(new Earlier(s.id, Instant.ofEpochSecond(first), candidate.getValue()[0]));
            }
        }
        return out.stream().sorted(Comparator.comparingDouble((Earlier x) -> -x.score()).thenComparingLong(Earlier::storyId))
                .limit(max).sorted(Comparator.comparing(Earlier::firstPublished)).toList();
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
        return terms.size();
    }

    public StorySettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------------------------------------

    private long assignAt(StoryArticle a, long t) {
        Entry known = byId.get(a.id());
        if (known != null) {
            return known.storyId;
        }
        StoryFeatures.Extracted x = features.extract(a);
        Doc doc = countDocument(x, t);
        long story = a.id();
        Entry sameUrl = x.canonicalUrl() == null ? null : byUrl.get(x.canonicalUrl());
        if (sameUrl != null) {
            story = sameUrl.storyId;
        } else {
            Match best = bestStory(doc.terms(), doc.tf(), t, a.feedId());
            if (best != null) {
                story = best.storyId;
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
        return latest == Long.MIN_VALUE ? 0 : latest;
    }

    /** Counts the article in the document frequencies; returns its terms sorted by id, with their weights. */
    private Doc countDocument(StoryFeatures.Extracted x, long t) {
        if (dfEpoch == Long.MIN_VALUE) {
            dfEpoch = t;
        }
        if (t > latest) {
            latest = t;
            if ((latest - dfEpoch) / halfLifeSeconds > REBASE_AFTER_HALF_LIVES) {
                rebase(latest);
            }
        }
        double g = Math.pow(2, (t - dfEpoch) / halfLifeSeconds);
        docs += g;
        int n = x.weights().size();
        Term[] unsorted = new Term[n];
        float[] weights = new float[n];
        Integer[] order = new Integer[n];
        int i = 0;
        for (Map.Entry<String, Float> f : x.weights().entrySet()) {
            Term term = terms.computeIfAbsent(f.getKey(),
                    k -> new Term(nextTermId++, StoryFeatures.isLink(k), StoryFeatures.isEntity(k)));
            term.df += g;
            unsorted[i] = term;
            weights[i] = f.getValue();
            order[i] = i;
            i++;
        }
        Arrays.sort(order, Comparator.comparingInt(k -> unsorted[k].id));
        Term[] ts = new Term[n];
        float[] tf = new float[n];
        for (int k = 0; k < n; k++) {
            ts[k] = unsorted[order[k]];
            tf[k] = weights[order[k]];
        }
        return new Doc(ts, tf);
    }

    /** An article's terms sorted by id and each term's raw weight in it. */
    private record Doc(Term[] terms, float[] tf) {
    }

    private void insert(long id, long feedId, long storyId, long t, Doc doc, String url) {
        Term[] ts = doc.terms();
        Entry e = new Entry(id, feedId, storyId, t, ts, doc.tf(), url);
        e.norm = norm(e.terms, e.tf);
        for (int i = 0; i < ts.length; i++) {
            ts[i].postings.add(e, e.tf[i]);
        }
        byId.put(id, e);
        if (e.url != null) {
            byUrl.putIfAbsent(e.url, e);
        }
        byTime.add(e);
        stories.computeIfAbsent(storyId, Story::new).members.add(e);
        // keep two windows: an article up to one window late still meets every story of its own window
        long horizon = latest - 2 * windowSeconds;
        while (!byTime.isEmpty() && byTime.peek().time < horizon) {
            evict(byTime.poll());
        }
        if (terms.size() > 2 * termsAfterLastPrune) {
            pruneTerms();
        }
    }

    private void evict(Entry e) {
        e.evicted = true;
        evictedSincePrune++;
        byId.remove(e.id);
        if (e.url != null && byUrl.get(e.url) == e) {
            byUrl.remove(e.url);
        }
        Story s = stories.get(e.storyId);
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

    /** Forgets terms no held article has and whose decayed frequency has faded: bounds the vocabulary. */
    private void pruneTerms() {
        double scale = Math.pow(2, (latest - dfEpoch) / halfLifeSeconds);
        terms.values().removeIf(term -> {
            if (term.dead > 0) {
                term.postings.compact();
                term.dead = 0;
            }
            return term.postings.size() == 0 && term.df / scale < FORGET_DF;
        });
        termsAfterLastPrune = Math.max(1024, terms.size());
        heldAfterLastPrune = byId.size();
        evictedSincePrune = 0;
    }

    private void rebase(long to) {
        double f = Math.pow(2, -(to - dfEpoch) / halfLifeSeconds);
        for (Term term : terms.values()) {
            term.df *= f;
        }
        docs *= f;
        dfEpoch = to;
    }

    private double idf(Term term, double scale) {
        double n = docs / scale;
        double df = term.df / scale;
        return Math.log((1 + n) / (1 + df)) + 1;
    }

    private double norm(Term[] ts, float[] tf) {
        double scale = Math.pow(2, (latest - dfEpoch) / halfLifeSeconds);
        double sum = 0;
        for (int i = 0; i < ts.length; i++) {
            double w = tf[i] * idf(ts[i], scale);
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /**
     * The best-scoring candidate story for an article with these terms at time {@code t} that scores
     * at least its threshold (the stricter one when all its articles in the window come from the
     * article's own feed), or null.
     */
    private Match bestStory(Term[] ts, float[] tf, long t, long feedId) {
        Match best = null;
        for (Match m : scoreStories(ts, tf, t, feedId)) {
            if (m.score >= m.needed && (best == null || m.score > best.score)) {
                best = m;
            }
        }
        return best;
    }

    /** The candidate stories of an article with these terms at time {@code t}, each with its score. */
    private List<Match> scoreStories(Term[] ts, float[] tf, long t, long feedId) {
        if (ts.length == 0) {
            return List.of();
        }
        double scale = Math.pow(2, (latest - dfEpoch) / halfLifeSeconds);
        double[] idf = new double[ts.length];
        double qNorm = 0;
        for (int i = 0; i < ts.length; i++) {
            idf[i] = idf(ts[i], scale);
            double w = tf[i] * idf[i];
            qNorm += w * w;
        }
        qNorm = Math.sqrt(qNorm);
        // candidates: postings of the rarest terms first, within a budget
        Integer[] order = new Integer[ts.length];
        for (int i = 0; i < ts.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ts[i].postings.size()));
        // partial dot products accumulate in the entries themselves, stamped with this query
        int stamp = ++queryStamp;
        List<Entry> touched = new ArrayList<>();
        int budget = settings.postingBudget();
        for (int oi : order) {
            Postings postings = ts[oi].postings;
            if (postings.size() == 0) {
                continue;
            }
            if (postings.size() > budget) {
                break;
            }
            budget -= postings.size();
            double wq = tf[oi] * idf[oi] * idf[oi];
            for (int pi = 0; pi < postings.size(); pi++) {
                Entry e = postings.entry(pi);
                if (e.evicted || Math.abs(e.time - t) > windowSeconds) {
                    continue;
                }
                if (e.stamp != stamp) {
                    e.stamp = stamp;
                    e.acc = 0;
                    touched.add(e);
                }
                e.acc += wq * postings.weight(pi);
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<Long, Story> candidates = new HashMap<>();
        for (Entry e : topByPartialScore(touched, settings.maxCandidates())) {
            candidates.putIfAbsent(e.storyId, stories.get(e.storyId));
        }
        List<Match> scored = new ArrayList<>(candidates.size());
        for (Story s : candidates.values()) {
            double max = 0;
            double sum = 0;
            int n = 0;
            boolean ownFeedOnly = feedId != 0;
            for (Entry m : s.members) {
                if (Math.abs(m.time - t) > windowSeconds) {
                    continue;
                }
                double c = cosine(ts, tf, idf, qNorm, m, scale);
                max = Math.max(max, c);
                sum += c;
                n++;
                ownFeedOnly &= m.feedId == feedId;
            }
            if (n == 0) {
                continue;
            }
            double score = settings.singleLink() * max + (1 - settings.singleLink()) * (sum / n);
            scored.add(new Match(s.id, score, ownFeedOnly ? settings.sameFeedThreshold() : settings.threshold()));
        }
        return scored;
    }

    /** The {@code k} entries with the highest partial score over norm, best first. */
    private static List<Entry> topByPartialScore(List<Entry> touched, int k) {
        Comparator<Entry> byScore = Comparator.comparingDouble(e -> e.acc / e.norm);
        if (touched.size() > k) {
            PriorityQueue<Entry> top = new PriorityQueue<>(k + 1, byScore);
            for (Entry e : touched) {
                if (top.size() < k) {
                    top.add(e);
                } else if (byScore.compare(e, top.peek()) > 0) {
                    top.poll();
                    top.add(e);
                }
            }
            touched = new ArrayList<>(top);
        }
        List<Entry> ranked = new ArrayList<>(touched);
        ranked.sort(byScore.reversed());
        return ranked;
    }

    private double cosine(Term[] ts, float[] tf, double[] idf, double qNorm, Entry m, double scale) {
        double dot = 0;
        double mNorm = 0;
        boolean sharedLink = false;
        int i = 0;
        for (int j = 0; j < m.terms.length; j++) {
            Term term = m.terms[j];
            double w = m.tf[j] * idf(term, scale);
            mNorm += w * w;
            while (i < ts.length && ts[i].id < term.id) {
                i++;
            }
            if (i < ts.length && ts[i] == term) {
                dot += tf[i] * idf[i] * w;
                sharedLink |= term.link && term.df / scale < RARE_LINK_DF;
            }
        }
        double cos = dot == 0 ? 0 : dot / (qNorm * Math.sqrt(mNorm));
        return sharedLink ? Math.min(1, cos + settings.linkBonus()) : cos;
    }

    private record Match(long storyId, double score, double needed) {
    }

    /** An earlier story about the same main entities: its id, when it started, how much it shares. */
    public record Earlier(long storyId, Instant firstPublished, double score) {
    }

    /** A story close to another one: its id and its similarity score. */
    public record Related(long storyId, double score) {
    }

    private static final class Term {
        final int id;
        final boolean link;
        final boolean entity;
        double df;
        final Postings postings = new Postings();
        int dead;

        Term(int id, boolean link, boolean entity) {
            this.id = id;
            this.link = link;
            this.entity = entity;
        }
    }

    private static final class Entry {
        final long id;
        final long feedId;
        final long storyId;
        final long time;
        final Term[] terms;
        final float[] tf;
        final String url;
        double norm;
        boolean evicted;
        /** The query whose partial score {@link #acc} holds. */
        int stamp;
        double acc;

        Entry(long id, long feedId, long storyId, long time, Term[] terms, float[] tf, String url) {
            this.id = id;
            this.feedId = feedId;
            this.storyId = storyId;
            this.time = time;
            this.terms = terms;
            this.tf = tf;
            this.url = url;
        }
    }

    /** The articles that have a term, each with the term's weight in it; evicted ones compacted away lazily. */
    private static final class Postings {
        private Entry[] entries = new Entry[2];
        private float[] weights = new float[2];
        private int size;

        int size() {
            return size;
        }

        Entry entry(int i) {
            return entries[i];
        }

        float weight(int i) {
            return weights[i];
        }

        void add(Entry e, float weight) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            entries[size] = e;
            weights[size++] = weight;
        }

        /** Drops evicted articles. */
        void compact() {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!entries[i].evicted) {
                    entries[kept] = entries[i];
                    weights[kept++] = weights[i];
                }
            }
            Arrays.fill(entries, kept, size, null);
            size = kept;
        }
    }

    private static final class Story {
        final long id;
        final List<Entry> members = new ArrayList<>(2);

        Story(long id) {
            this.id = id;
        }
    }
}
