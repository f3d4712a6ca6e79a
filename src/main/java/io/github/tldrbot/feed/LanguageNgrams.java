package io.github.tldrbot.feed;

import opennlp.tools.util.StringUtil;

import java.nio.CharBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The features Apache OpenNLP's language detector (2.5: {@code DefaultLanguageDetectorContextGenerator}
 * with 1–3-grams, then {@code LanguageDetectorME}) hands its maximum-entropy model for an already
 * normalised text — every distinct lower-cased character 1-, 2- and 3-gram — in the very order it
 * hands them over, built without a {@code CharBuffer} per n-gram (what made its context generation
 * cost as much as the model itself: see docs/benchmarks.md).
 *
 * <p>The order matters: the model sums each language's weights in feature order, and a different
 * order can change the last bit of a probability. OpenNLP collects the n-grams in a {@code HashMap}
 * keyed by {@code CharBuffer}, copies its keys into a second {@code HashMap} and evaluates them in
 * that map's iteration order. Iteration order of a {@code HashMap} follows from its keys' hash codes
 * and the order of insertion, so the same two maps are built here with keys that hash like
 * {@link CharBuffer#hashCode()} and are inserted in the same order. {@code ArticleLanguageExactnessTest}
 * compares every probability with OpenNLP's own, bit for bit.
 */
final class LanguageNgrams {

    static final int MIN_LENGTH = 1;
    static final int MAX_LENGTH = 3;

    private LanguageNgrams() {
    }

    /** The n-grams of {@code normalized} in the order OpenNLP's detector evaluates them. */
    static String[] of(CharSequence normalized) {
        // the same lower-casing as OpenNLP's n-gram model (code point by code point, into a buffer of the input's length)
        CharBuffer lower = StringUtil.toLowerCaseCharBuffer(normalized);
        char[] text = new char[lower.limit()];
        lower.get(0, text);
        Map<Gram, Gram> first = new HashMap<>();
        for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
            for (int start = 0; start + length - 1 < text.length; start++) {
                Gram gram = new Gram(text, start, length);
                first.putIfAbsent(gram, gram);
            }
        }
        Map<Gram, Gram> second = new HashMap<>();
        for (Gram gram : first.keySet()) {
            second.put(gram, gram);
        }
        String[] features = new String[second.size()];
        int i = 0;
        for (Gram gram : second.keySet()) {
            features[i++] = new String(gram.text, gram.start, gram.length);
        }
        return features;
    }

    /** A slice of the text that hashes like a {@link CharBuffer} over the same chars. */
    private static final class Gram {
        private final char[] text;
        private final int start;
        private final int length;
        private final int hash;

        Gram(char[] text, int start, int length) {
            this.text = text;
            this.start = start;
            this.length = length;
            int h = 1;
            for (int k = start + length - 1; k >= start; k--) {
                h = 31 * h + text[k];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Gram other) || other.length != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (text[start + k] != other.text[other.start + k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
