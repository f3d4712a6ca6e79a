package io.github.tldrbot.card;

import io.github.tldrbot.text.WordTokenizer;

/**
 * Shortens text to a length cap for card fields (SPEC §5.1: a shortened text ends with {@code …} at
 * a word boundary).
 *
 * <p>Lengths are counted in UTF-16 chars, the unit Discord's limits use, and include the {@code …}.
 * The cut goes at the last word boundary that fits — white space, or between two CJK characters,
 * which separate words without spaces — and drops dangling punctuation such as a trailing comma.
 * Only a text with no boundary at all (one very long word or URL) is cut inside a word, and then at
 * a character boundary: never between the halves of a surrogate pair, before a combining mark,
 * variation selector or skin-tone modifier, next to a zero-width joiner or inside a flag. (When not even
 * the first such character fits, the result is just {@code …}; real caps are far larger.) Stateless and
 * thread-safe.
 */
public final class TextShortener {

    /** The ellipsis appended to every shortened text. */
    public static final String ELLIPSIS = "…";

    /**
     * {@code text} trimmed, or shortened to at most {@code maxChars} chars ending with {@code …}.
     *
     * @param maxChars at least 2
     * @return null for null input
     */
    public String shorten(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2, was " + maxChars);
        }
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() <= maxChars) {
            return t;
        }
        int limit = maxChars - ELLIPSIS.length();
        for (int p = limit; p > 0; p--) {
            if (isWordBoundary(t, p)) {
                String head = trimDangling(t.substring(0, p));
                if (!head.isEmpty()) {
                    return head + ELLIPSIS;
                }
            }
        }
        return t.substring(0, characterBoundaryAtOrBefore(t, limit)) + ELLIPSIS;
    }

    /** True when a cut before index {@code p} keeps whole words. */
    static boolean isWordBoundary(String t, int p) {
        if (p <= 0 || p >= t.length()) {
            return p > 0;
        }
        char before = t.charAt(p - 1);
        char after = t.charAt(p);
        if (Character.isWhitespace(after) && !Character.isWhitespace(before)) {
            return true;
        }
        if (Character.isSurrogate(before) || Character.isSurrogate(after)) {
            return false;
        }
        return (WordTokenizer.isIdeograph(before) || SentencePunctuation.isHardTerminator(before))
                && (WordTokenizer.isIdeograph(after) || isCjkPunctuation(after)) && !isAttached(after);
    }

    private static boolean isCjkPunctuation(char c) {
        return c == '、' || c == '「' || c == '『';
    }

    private static String trimDangling(String s) {
        int end = s.length();
        while (end > 0 && isDangling(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isDangling(char c) {
        return Character.isWhitespace(c) || ",;:-–—([{\\\"'“‘«.、·|".indexOf(c) >= 0;
    }

    private static final java.util.regex.Pattern GRAPHEME = java.util.regex.Pattern.compile("\\X");

    /** The largest index ≤ {@code p} that does not split a character, emoji sequence or mark. */
    static int characterBoundaryAtOrBefore(String t, int p) {
        int q = graphemeBoundaryAtOrBefore(t, Math.min(p, t.length()));
        while (q > 0 && q < t.length()) {
            char after = t.charAt(q);
            char before = t.charAt(q - 1);
            boolean splitsPair = Character.isLowSurrogate(after) && Character.isHighSurrogate(before);
            if (splitsPair || isAttached(t.codePointAt(q)) || before == '\u200D' || splitsFlag(t, q)) {
                q--;
            } else {
                break;
            }
        }
        return q;
    }

    /**
     * The last extended grapheme cluster boundary (Unicode UAX #29, as Java's {@code \\X} knows it) at
     * or before {@code p}: covers spacing marks such as Thai sara am that are letters by category.
     * The checks in {@link #characterBoundaryAtOrBefore} then add the emoji sequence rules older
     * JDKs miss.
     */
    private static int graphemeBoundaryAtOrBefore(String t, int p) {
        java.util.regex.Matcher m = GRAPHEME.matcher(t);
        int last = 0;
        while (m.find() && m.end() <= p) {
            last = m.end();
        }
        return last;
    }

    /** Regional-indicator letters pair up into flags; never cut between two of them. */
    private static boolean splitsFlag(String t, int q) {
        return q >= 2 && isRegionalIndicator(t.codePointAt(q)) && isRegionalIndicator(t.codePointBefore(q));
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** Code points that belong to the character before them. */
    private static boolean isAttached(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200D
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
