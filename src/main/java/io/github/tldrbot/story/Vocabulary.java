package io.github.tldrbot.story;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The features the {@link StoryIndex} has seen and their document frequencies, which decay with a
 * half-life instead of being dropped with the window, so that a word stays known as common when the
 * window is nearly empty. A frequency is stored multiplied by 2^((t − epoch) / half-life), so counting
 * a document is one addition; the table is rebased now and then to keep the doubles finite. Not
 * thread-safe: the index synchronizes.
 */
final class Vocabulary {

    /** Rebase the decaying document frequencies after this many half-lives (keeps doubles finite). */
    private static final double REBASE_AFTER_HALF_LIVES = 200;
    /**
     * A term with no article left in the index is forgotten once its decayed frequency is worth less than
     * one fresh document: what was seen once (an article's own link, a one-off name) is dropped with its
     * article, so the vocabulary holds the window's terms plus those that recur.
     */
    private static final double FORGET_DF = 1.0;

    private final double halfLifeSeconds;
    private final Map<String, Term> terms = new HashMap<>();
    private int nextTermId;
    private long latest = Long.MIN_VALUE;
    /** Decayed frequencies are stored multiplied by 2^((t - dfEpoch) / halfLife). */
    private long dfEpoch = Long.MIN_VALUE;
    private double docs;

    Vocabulary(double halfLifeSeconds) {
        this.halfLifeSeconds = halfLifeSeconds;
    }

    /** The latest publication time counted, or {@link Long#MIN_VALUE} before the first. */
    long latest() {
        return latest;
    }

    /** Number of distinct features known. */
    int size() {
        return terms.size();
    }

    /** Counts the article in the document frequencies; returns its terms sorted by id, with their weights. */
    TermVector count(StoryFeatures.Extracted x, long t) {
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
        return new TermVector(ts, tf);
    }

    /** The factor between stored and current frequencies: a stored {@code df / scale()} is the decayed count now. */
    double scale() {
        return Math.pow(2, (latest - dfEpoch) / halfLifeSeconds);
    }

    /** Smoothed inverse document frequency of a term, for the {@link #scale()} of the moment. */
    double idf(Term term, double scale) {
        double n = docs / scale;
        double df = term.df / scale;
        return Math.log((1 + n) / (1 + df)) + 1;
    }

    /** Length of an article's TF-IDF vector now. */
    double norm(Term[] ts, float[] tf) {
        double scale = scale();
        double sum = 0;
        for (int i = 0; i < ts.length; i++) {
            double w = tf[i] * idf(ts[i], scale);
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /** Forgets terms no held article has and whose decayed frequency has faded: bounds the vocabulary. */
    void prune() {
        double scale = scale();
        terms.values().removeIf(term -> {
            if (term.dead > 0) {
                term.postings.compact();
                term.dead = 0;
            }
            return term.postings.size() == 0 && term.df / scale < FORGET_DF;
        });
    }

    private void rebase(long to) {
        double f = Math.pow(2, -(to - dfEpoch) / halfLifeSeconds);
        for (Term term : terms.values()) {
            term.df *= f;
        }
        docs *= f;
        dfEpoch = to;
    }
}
