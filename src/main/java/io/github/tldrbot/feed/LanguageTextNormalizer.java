package io.github.tldrbot.feed;

import java.util.regex.Pattern;

/**
 * OpenNLP's language-detection normalisation (emoji, URL and e-mail, hashtag/mention, "RT", faces,
 * laughs, numbers, repeated characters and spaces — the chain {@code LanguageDetectorFactory} builds,
 * in its order, with its patterns, flags and replacements), with one difference: a step whose
 * pattern cannot match the text is skipped after a cheap scan instead of being run. The output is
 * the same string; the poll benchmark found the chain at 18 % of the pollers' CPU, most of it in the
 * e-mail pattern (a look-behind and a backtracking run tried at every letter of a text that has no
 * {@code @}). {@code LanguageTextNormalizerTest} compares it with OpenNLP's chain.
 */
final class LanguageTextNormalizer {
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern EMOJI = Pattern.compile("[\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+");
    private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]+");
    private static final Pattern MAIL = Pattern.compile("(?<![-+_.0-9A-Za-z])[-+_.0-9A-Za-z]+@[-0-9A-Za-z]+[-.0-9A-Za-z]+");
    private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
    private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", CI);
    private static final Pattern FACE = Pattern.compile("[:;x]-?[()dop]", CI);
    private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", CI);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}", CI);
    private static final Pattern REPEATED = Pattern.compile("(.)\\1{2,}", CI);

    private LanguageTextNormalizer() {
    }

    static String normalize(String text) {
        String s = text;
        if (mayHoldEmojiClass(s)) {
            s = EMOJI.matcher(s).replaceAll(" ");
        }
        if (s.contains("http")) {
            s = URL.matcher(s).replaceAll(" ");
        }
        boolean at = s.indexOf('@') >= 0;
        if (at) {
            s = MAIL.matcher(s).replaceAll(" ");
        }
        if (at || s.indexOf('#') >= 0) {
            s = HASH_USER.matcher(s).replaceAll(" ");
        }
        if (hasRt(s)) {
            s = RT.matcher(s).replaceAll(" ");
        }
        if (hasFace(s)) {
            s = FACE.matcher(s).replaceAll(" ");
        }
        if (hasLaugh(s)) {
            s = LAUGH.matcher(s).replaceAll("$1$2$1$2");
        }
        if (hasAsciiDigit(s)) {
            s = NUMBER.matcher(s).replaceAll(" ");
        }
        if (hasWhitespaceRun(s)) {
            s = SPACES.matcher(s).replaceAll(" ");
        }
        if (hasTripleRun(s)) {
            s = REPEATED.matcher(s).replaceAll("$1$1");
        }
        return s.trim();
    }

    /**
     * Whether {@link #EMOJI} can match. Its class is not what it looks like: {@code \uDBFF\uDC00}
     * is read as one surrogate pair (U+10FC00), so the class is the range U+D83C–U+10FC00, a literal
     * hyphen and U+DFFF — it also matches every {@code -} and every char from U+D83C up, which
     * OpenNLP's answers depend on.
     */
    private static boolean mayHoldEmojiClass(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c >= '\uD83C') {
                return true;
            }
        }
        return false;
    }

    /** "rt" in any case followed by a space or colon: what {@link #RT} needs (a superset of it). */
    private static boolean hasRt(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            char r = s.charAt(i);
            if ((r == 'r' || r == 'R') && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
                    && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
                return true;
            }
        }
        return false;
    }

    /** One of {@code : ; x X}, an optional hyphen, then one of {@code ( ) d o p} in any case. */
    private static boolean hasFace(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == ';' || c == 'x' || c == 'X') {
                int next = s.charAt(i + 1) == '-' && i + 2 < s.length() ? i + 2 : i + 1;
                if (isFaceMouth(s.charAt(next)) || isFaceMouth(s.charAt(i + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFaceMouth(char c) {
        return switch (c) {
            case '(', ')', 'd', 'D', 'o', 'O', 'p', 'P' -> true;
            default -> false;
        };
    }

    /**
     * What any match of {@link #LAUGH} contains: the last vowel of its vowel run, then a run of the
     * same {@code h} or {@code j}, then that vowel again ({@code aha}, {@code ehhe}, {@code jaja}).
     */
    private static boolean hasLaugh(String s) {
        for (int q = 0; q + 2 < s.length(); q++) {
            char vowel = s.charAt(q);
            char consonant = s.charAt(q + 1);
            if (isVowel(vowel) && (consonant == 'h' || consonant == 'H' || consonant == 'j' || consonant == 'J')) {
                int k = q + 1;
                while (k < s.length() && sameIgnoringCase(s.charAt(k), consonant)) {
                    k++;
                }
                if (k < s.length() && sameIgnoringCase(s.charAt(k), vowel)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U' -> true;
            default -> false;
        };
    }

    private static boolean hasAsciiDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Two characters in a row that {@code \s} matches (space, tab, line feed, VT, form feed, CR). */
    private static boolean hasWhitespaceRun(String s) {
        boolean previous = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r');
            if (space && previous) {
                return true;
            }
            previous = space;
        }
        return false;
    }

    /**
     * Three characters in a row equal ignoring case (a superset of what the back-reference matches);
     * any surrogate counts as a possible run, since the pattern compares code points, not chars.
     */
    private static boolean hasTripleRun(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        for (int i = 0; i + 2 < s.length(); i++) {
            if (sameIgnoringCase(s.charAt(i), s.charAt(i + 1)) && sameIgnoringCase(s.charAt(i), s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(char a, char b) {
        return a == b || Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
