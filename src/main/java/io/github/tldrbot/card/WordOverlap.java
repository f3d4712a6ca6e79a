package io.github.tldrbot.card;

import java.util.Set;

/** Jaccard overlap of two word sets: the one measure of "these say the same thing" on cards. */
final class WordOverlap {

    private WordOverlap() {
    }

    /** |a ∩ b| / |a ∪ b|, 0 when either set is empty. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String t : small) {
            if (large.contains(t)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }
}
