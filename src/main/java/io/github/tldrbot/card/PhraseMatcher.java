package io.github.tldrbot.card;

import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of a fixed list of words/phrases in a token list in one pass.
 *
 * <p>Phrases are tokenized with the same {@link WordTokenizer} as the text, so matching is
 * case-insensitive and on word boundaries ({@code ai} never matches inside {@code said}). A word of
 * a phrase that ends in {@code *} is a prefix: it matches any token that starts with it
 * ({@code уязвим*} matches уязвимости), compared before the plural fold.
 *
 * <p>{@link #count} counts every phrase wherever it matches, overlaps included (cue lists rely on
 * "read" and "read the" both counting). {@link #countLongest} is leftmost-longest: at each position
 * only the longest phrases that match there count, and the scan goes on after them, so a phrase
 * beats the words inside it ({@code video game} counts, and {@code video} and {@code game} do not
 * count for the same words). Phrases of equal length that match at the same place all count (two
 * audiences may share a keyword).
 *
 * <p>One pass over the tokens with a first-token index (exact tokens by the token, prefixes by
 * their first {@value #PREFIX_KEY} chars) keeps it linear in the text, which matters for 100 KB
 * articles and several hundred keywords. Phrase ids are their positions in the list given, so
 * results never depend on hash order. Immutable and thread-safe.
 */
final class PhraseMatcher {

    /** Chars of a prefix that index it: {@code AudienceKeyword.MIN_PREFIX} guarantees at least this many. */
    private static final int PREFIX_KEY = 4;

    /** A phrase's tokens; {@code prefix[k]} when token k is a prefix. */
    private record Pattern(String[] tokens, boolean[] prefix) {
    }

    private final Map<String, List<Integer>> byFirstToken = new HashMap<>();
    private final Map<String, List<Integer>> byFirstPrefix = new HashMap<>();
    private final List<Pattern> phrases = new ArrayList<>();

    PhraseMatcher(List<String> phraseTexts, WordTokenizer tokenizer) {
        for (int id = 0; id < phraseTexts.size(); id++) {
            Pattern p = compile(phraseTexts.get(id), tokenizer);
            phrases.add(p);
            if (p.tokens().length == 0) {
                continue;
            }
            String first = p.tokens()[0];
            if (p.prefix()[0] && first.length() >= PREFIX_KEY) {
                byFirstPrefix.computeIfAbsent(first.substring(0, PREFIX_KEY), k -> new ArrayList<>()).add(id);
            } else {
                byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(id);
            }
        }
    }

    private static Pattern compile(String phrase, WordTokenizer tokenizer) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        for (String word : phrase.strip().split("\\s+")) {
            boolean isPrefix = word.endsWith("*");
            List<String> parts = isPrefix ? tokenizer.tokenizeWithoutPluralFold(word.substring(0, word.length() - 1))
                    : tokenizer.tokenize(word);
            for (int k = 0; k < parts.size(); k++) {
                boolean last = k == parts.size() - 1;
                // only the last token of a starred word is a prefix ("e-commerce*": e, then commerce…)
                tokens.add(isPrefix && !last ? WordTokenizer.foldPlural(parts.get(k)) : parts.get(k));
                prefix.add(isPrefix && last);
            }
        }
        boolean[] flags = new boolean[prefix.size()];
        for (int k = 0; k < flags.length; k++) {
            flags[k] = prefix.get(k);
        }
        return new Pattern(tokens.toArray(String[]::new), flags);
    }

    int size() {
        return phrases.size();
    }

    /** How often each phrase (by id) occurs in {@code tokens}, overlapping matches included. */
    int[] count(List<String> tokens) {
        return count(tokens, false);
    }

    /** How often each phrase (by id) occurs in {@code tokens}, leftmost-longest (see the class comment). */
    int[] countLongest(List<String> tokens) {
        return count(tokens, true);
    }

    private int[] count(List<String> tokens, boolean longestOnly) {
        int[] counts = new int[phrases.size()];
        List<Integer> matched = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            matched.clear();
            int longest = collect(byFirstToken.get(token), tokens, i, matched, 0);
            if (token.length() >= PREFIX_KEY && !byFirstPrefix.isEmpty()) {
                longest = collect(byFirstPrefix.get(token.substring(0, PREFIX_KEY)), tokens, i, matched, longest);
            }
            for (int id : matched) {
                if (!longestOnly || phrases.get(id).tokens().length == longest) {
                    counts[id]++;
                }
            }
            i += longestOnly && longest > 0 ? longest : 1;
        }
        return counts;
    }

    /** Adds the candidates matching at {@code start} to {@code matched}; returns the longest length so far. */
    private int collect(List<Integer> candidates, List<String> tokens, int start, List<Integer> matched, int longest) {
        if (candidates == null) {
            return longest;
        }
        for (int id : candidates) {
            Pattern p = phrases.get(id);
            if (matchesAt(tokens, start, p)) {
                matched.add(id);
                longest = Math.max(longest, p.tokens().length);
            }
        }
        return longest;
    }

    private static boolean matchesAt(List<String> tokens, int start, Pattern p) {
        String[] phrase = p.tokens();
        if (start + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            String t = tokens.get(start + k);
            if (p.prefix()[k] ? !t.startsWith(phrase[k]) : !phrase[k].equals(t)) {
                return false;
            }
        }
        return true;
    }
}
