package io.github.tldrbot.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Scores the stories an article could join (SPEC §5.5). Candidates come from the postings of the
 * article's rarest terms first, within a fixed budget of postings, so the cost does not grow with the
 * number of held articles; the best of them by partial score are scored in full by TF-IDF cosine. A
 * story's score blends its best-matching article (single link) with the mean over its articles in the
 * window (average link): the mean stops a chain of loosely related follow-ups from growing into one
 * story. Not thread-safe: the index synchronizes.
 */
final class StoryScorer {

    /** A link shared by fewer articles than this (decayed count) earns the link bonus. */
    private static final double RARE_LINK_DF = 5;

    private final StorySettings settings;
    private final long windowSeconds;
    private final Vocabulary vocabulary;
    private final Map<Long, HeldStory> stories;
    private int queryStamp;

    /** @param stories the index's stories, read (never changed) while scoring */
    StoryScorer(StorySettings settings, Vocabulary vocabulary, Map<Long, HeldStory> stories) {
        this.settings = settings;
        this.windowSeconds = settings.window().toSeconds();
        this.vocabulary = vocabulary;
        this.stories = stories;
    }

    /** A candidate story, its score and the score it needs to be joined. */
    record Match(long storyId, double score, double needed) {
    }

    /**
     * The best-scoring candidate story for an article with these terms at time {@code t} that scores
     * at least its threshold (the stricter one when all its articles in the window come from the
     * article's own feed), or null.
     */
    Match bestStory(Term[] ts, float[] tf, long t, long feedId) {
        Match best = null;
        for (Match m : scoreStories(ts, tf, t, feedId)) {
            if (m.score >= m.needed && (best == null || m.score > best.score)) {
                best = m;
            }
        }
        return best;
    }

    /** The candidate stories of an article with these terms at time {@code t}, each with its score. */
    List<Match> scoreStories(Term[] ts, float[] tf, long t, long feedId) {
        if (ts.length == 0) {
            return List.of();
        }
        double scale = vocabulary.scale();
        double[] idf = new double[ts.length];
        double qNorm = 0;
        for (int i = 0; i < ts.length; i++) {
            idf[i] = vocabulary.idf(ts[i], scale);
            double w = tf[i] * idf[i];
            qNorm += w * w;
        }
        qNorm = Math.sqrt(qNorm);
        List<IndexedArticle> touched = gatherCandidates(ts, tf, idf, t);
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<Long, HeldStory> candidates = new HashMap<>();
        for (IndexedArticle e : topByPartialScore(touched, settings.maxCandidates())) {
            candidates.putIfAbsent(e.storyId, stories.get(e.storyId));
        }
        List<Match> scored = new ArrayList<>(candidates.size());
        for (HeldStory s : candidates.values()) {
            double max = 0;
            double sum = 0;
            int n = 0;
            boolean ownFeedOnly = feedId != 0;
            for (IndexedArticle m : s.members) {
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

    /**
     * The held articles in the window that share a term, with partial dot products in {@link
     * IndexedArticle#acc}: postings of the rarest terms first, until the budget of postings is spent.
     */
    private List<IndexedArticle> gatherCandidates(Term[] ts, float[] tf, double[] idf, long t) {
        Integer[] order = new Integer[ts.length];
        for (int i = 0; i < ts.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ts[i].postings.size()));
        int stamp = ++queryStamp;
        List<IndexedArticle> touched = new ArrayList<>();
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
                IndexedArticle e = postings.entry(pi);
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
        return touched;
    }

    /** The {@code k} entries with the highest partial score over norm, best first. */
    private static List<IndexedArticle> topByPartialScore(List<IndexedArticle> touched, int k) {
        Comparator<IndexedArticle> byScore = Comparator.comparingDouble(e -> e.acc / e.norm);
        if (touched.size() > k) {
            PriorityQueue<IndexedArticle> top = new PriorityQueue<>(k + 1, byScore);
            for (IndexedArticle e : touched) {
                if (top.size() < k) {
                    top.add(e);
                } else if (byScore.compare(e, top.peek()) > 0) {
                    top.poll();
                    top.add(e);
                }
            }
            touched = new ArrayList<>(top);
        }
        List<IndexedArticle> ranked = new ArrayList<>(touched);
        ranked.sort(byScore.reversed());
        return ranked;
    }

    /** TF-IDF cosine of the query and a held article (merge join on term ids), plus a shared rare link's bonus. */
    private double cosine(Term[] ts, float[] tf, double[] idf, double qNorm, IndexedArticle m, double scale) {
        double dot = 0;
        double mNorm = 0;
        boolean sharedLink = false;
        int i = 0;
        for (int j = 0; j < m.terms.length; j++) {
            Term term = m.terms[j];
            double w = m.tf[j] * vocabulary.idf(term, scale);
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
}
