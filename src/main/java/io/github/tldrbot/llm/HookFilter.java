package io.github.tldrbot.llm;

import io.github.tldrbot.text.WordTokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a model's hook line repeats the TL;DR or a title (SPEC §5.1: the hook makes a
 * member want to read; a second copy of the TL;DR above the TL;DR does not). Near-equal means: the
 * same letters and digits, one making up most ({@value #MIN_CONTAINED_PERCENT} %) of the other, or at least {@value #MAX_OVERLAP_PERCENT} %
 * of their words shared (Jaccard over folded words). Citations are ignored. Thread-safe.
 */
final class HookFilter {

    static final int MAX_OVERLAP_PERCENT = 80;
    /** A text inside the other counts as a repeat when it is at least this share of it (a hook may name the title's subject). */
    static final int MIN_CONTAINED_PERCENT = 60;

    private final WordTokenizer tokenizer = new WordTokenizer();

    /** The text {@code hook} repeats ("the TL;DR", "the title"), or null when it is its own line. */
    String repeats(String hook, String tldr, List<String> titles) {
        if (nearEqual(hook, tldr)) {
            return "the TL;DR";
        }
        for (String title : titles) {
            if (nearEqual(hook, title)) {
                return "the title";
            }
        }
        return null;
    }

    boolean nearEqual(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String ka = key(a);
        String kb = key(b);
        if (ka.isEmpty() || kb.isEmpty()) {
            return false;
        }
        String shorter = ka.length() <= kb.length() ? ka : kb;
        String longer = shorter == ka ? kb : ka;
        if (longer.contains(shorter) && shorter.length() * 100 >= longer.length() * MIN_CONTAINED_PERCENT) {
            return true;
        }
        Set<String> wa = new HashSet<>(tokenizer.tokenize(uncited(a)));
        Set<String> wb = new HashSet<>(tokenizer.tokenize(uncited(b)));
        if (wa.isEmpty() || wb.isEmpty()) {
            return false;
        }
        Set<String> union = new HashSet<>(wa);
        union.addAll(wb);
        wa.retainAll(wb);
        return wa.size() * 100 >= union.size() * MAX_OVERLAP_PERCENT;
    }

    private static String uncited(String s) {
        return s.replaceAll("\\[[\\d\\s,;–-]{1,40}\\]", " ").replace("…", " ");
    }

    private static String key(String s) {
        return uncited(s).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
