package io.github.tldrbot.card;

import java.util.List;

/**
 * A sentence of the article with what the summarizer needs to pick it.
 *
 * @param position index in the article's sentence list (0 = lead)
 * @param tokens   all word tokens, in order (for cue phrases)
 * @param terms    sorted distinct content-term ids (stop words removed), for overlap tests
 * @param score    centrality + title overlap + lead prior; higher is more summary-worthy
 * @param furniture {@link SentenceKinds#isFurniture}, worked out once: every field's choice asks it
 */
record RankedSentence(int position, String text, List<String> tokens, int[] terms, double score, boolean furniture) {

    /** Jaccard overlap of the content terms of two sentences, 0–1. */
    double overlap(RankedSentence other) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < terms.length && j < other.terms.length) {
            if (terms[i] == other.terms[j]) {
                common++;
                i++;
                j++;
            } else if (terms[i] < other.terms[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = terms.length + other.terms.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
