package io.github.tldrbot.story;

import java.util.Arrays;

/**
 * The articles that have a term, each with the term's weight in it; evicted ones are compacted away
 * lazily. Parallel arrays rather than a list of pairs: candidate gathering walks them for every new
 * article.
 */
final class Postings {
    private IndexedArticle[] entries = new IndexedArticle[2];
    private float[] weights = new float[2];
    private int size;

    int size() {
        return size;
    }

    IndexedArticle entry(int i) {
        return entries[i];
    }

    float weight(int i) {
        return weights[i];
    }

    void add(IndexedArticle e, float weight) {
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
