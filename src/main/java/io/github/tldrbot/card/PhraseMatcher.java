package io.github.tldrbot.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of a fixed list of words/phrases in a token list in one pass.
 *
 * <p>Phrases are tokenized with the same {@link WordTokenizer} as the text, so matching is
 * case-insensitive and on word boundaries ({@code ai} never matches inside {@code said}). One pass
 * over the tokens with a first-token index keeps it linear in the text, which matters for 100 KB
 * articles and a few hundred keywords. Phrase ids are their positions in the list given, so results
 * never depend on hash order. Immutable and thread-safe.
 */
final class PhraseMatcher {

    private final Map<String, List<int[]>> byFirstToken = new HashMap<>();
    private final List<String[]> phrases = new ArrayList<>();

    PhraseMatcher(List<String> phraseTexts, WordTokenizer tokenizer) {
        for (int id = 0; id < phraseTexts.size(); id++) {
            String[] tokens = tokenizer.tokenize(phraseTexts.get(id)).toArray(String[]::new);
            phrases.add(tokens);
            if (tokens.length > 0) {
                byFirstToken.computeIfAbsent(tokens[0], k -> new ArrayList<>()).add(new int[] {id});
            }
        }
    }

    int size() {
        return phrases.size();
    }

    /** How often each phrase (by id) occurs in {@code tokens}. */
    int[] count(List<String> tokens) {
        int[] counts = new int[phrases.size()];
        for (int i = 0; i < tokens.size(); i++) {
            List<int[]> candidates = byFirstToken.get(tokens.get(i));
            if (candidates == null) {
                continue;
            }
            for (int[] c : candidates) {
                String[] p = phrases.get(c[0]);
                if (matchesAt(tokens, i, p)) {
                    counts[c[0]]++;
                }
            }
        }
        return counts;
    }

    private static boolean matchesAt(List<String> tokens, int start, String[] phrase) {
        if (start + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(tokens.get(start + k))) {
                return false;
            }
        }
        return true;
    }
}
