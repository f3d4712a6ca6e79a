package io.github.tldrbot.card;

import io.github.tldrbot.text.Whitespace;
import java.util.Locale;
import java.util.Set;

/**
 * The vetoes on ICU's sentence boundaries for {@link SentenceSplitter}: places where ICU splits and no
 * reader would. After a period: initials, dotted abbreviations, titles and Latin abbreviations, CLDR's
 * abbreviations of the text's language, number abbreviations before a digit and German dates; a
 * terminator glued to the next character inside a URL, address or query string, or before a lower-case
 * letter or digit; {@code !} or {@code ?} before a lower-case word. A line break always ends a
 * sentence. The word lists are the general ones, in any language.
 */
final class FalseBoundaries {

    /** Titles and Latin abbreviations that almost never end a sentence, in any language. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "col", "lt", "sgt",
            "capt", "rev", "hon", "vs", "approx", "dept", "univ", "cf", "viz", "resp", "mme", "mlle", "hr",
            "hrn", "bzw", "vgl", "ggf", "evtl", "inkl", "zzgl", "sog", "ca", "vol", "figs", "eds");

    /** Abbreviations only when a number follows ("No. 5", "Rs. 500", "Jan. 5"). */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of(
            "no", "nos", "nr", "fig", "vol", "pp", "p", "art", "sec", "ch", "rs", "op", "tel", "kap", "abs", "s",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ed", "pt");

    /** German writes dates with an ordinal period: "am 3. Mai". */
    private static final Set<String> GERMAN_MONTHS = Set.of(
            "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "dezember");

    private FalseBoundaries() {
    }

    /** False when ICU's boundary at {@code b} falls where the sentence plainly goes on. */
    static boolean continuesAfter(String text, int b, String language) {
        int e = b;
        while (e > 0 && Whitespace.isSpace(text.charAt(e - 1))) {
            if (text.charAt(e - 1) == '\n') {
                return false; // a line break always ends a sentence
            }
            e--;
        }
        if (e == 0) {
            return false;
        }
        int p = e;
        while (p > 0 && SentencePunctuation.isCloser(text.charAt(p - 1))) {
            p--;
        }
        int q = p;
        while (q > 0 && SentencePunctuation.isTerminator(text.charAt(q - 1))) {
            q--;
        }
        if (q == p) {
            return false;
        }
        char last = text.charAt(p - 1);
        if (SentencePunctuation.isHardTerminator(last)) {
            // 。！？ end a sentence whatever follows, except inside a quotation: 「本当です。」と述べた。
            return p < e && e == b && Character.isLetter(text.charAt(b));
        }
        if (e == b) {
            return continuesWithoutSpace(text, q, b);
        }
        int next = nextWordStart(text, b);
        if (next >= text.length()) {
            return false;
        }
        int nextCp = text.codePointAt(next);
        if (contains(text, q, p, '!') || contains(text, q, p, '?')) {
            return Character.isLowerCase(nextCp);
        }
        if (p - q != 1 || text.charAt(q) != '.' || p != e) {
            return false; // only a lone period, right before the space, can follow an abbreviation
        }
        int wordStart = wordStart(text, q);
        String word = text.substring(wordStart, q);
        if (word.isEmpty()) {
            return false;
        }
        if (isCldrAbbreviation(text, wordStart, q, language)) {
            return true;
        }
        if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) {
            return true; // an initial
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (isDottedAbbreviation(word) || ABBREVIATIONS.contains(lower)) {
            return true;
        }
        if (NUMBER_ABBREVIATIONS.contains(lower)) {
            return Character.isDigit(nextCp);
        }
        return language.equals("de") && isShortNumber(word)
                && GERMAN_MONTHS.contains(wordAt(text, next).toLowerCase(Locale.ROOT));
    }

    private static boolean contains(String text, int from, int to, char c) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * A terminator glued to the next character: a URL, address or query string ("a.example/x?y=1",
     * "jo@x.org"), or a lower-case or digit continuation; a capital after it is a missing space.
     */
    private static boolean continuesWithoutSpace(String text, int terminatorStart, int b) {
        int tokenStart = terminatorStart;
        while (tokenStart > 0 && !Whitespace.isSpace(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        int tokenEnd = b;
        while (tokenEnd < text.length() && !Whitespace.isSpace(text.charAt(tokenEnd)) && tokenEnd - b < 200) {
            tokenEnd++;
        }
        for (int k = tokenStart; k < tokenEnd; k++) {
            char ch = text.charAt(k);
            if (ch == '/' || ch == '@' || ch == '=' || ch == '&' || ch == '#' || ch == ':') {
                return true;
            }
        }
        return !Character.isUpperCase(text.codePointAt(b));
    }

    /** "L.A", "U.S", "e.g", "Ph.D", "z.B", "т.е": letters in groups of one or two joined by periods. */
    static boolean isDottedAbbreviation(String w) {
        int groups = 0;
        int run = 0;
        for (int k = 0; k < w.length(); k++) {
            char ch = w.charAt(k);
            if (ch == '.') {
                if (run == 0) {
                    return false;
                }
                groups++;
                run = 0;
            } else if (Character.isLetter(ch) && run < 2) {
                run++;
            } else {
                return false;
            }
        }
        return run > 0 && groups >= 1;
    }

    private static boolean isShortNumber(String w) {
        return w.length() <= 2 && Character.isDigit(w.charAt(0)) && Character.isDigit(w.charAt(w.length() - 1));
    }

    /** Where the token just before a period starts, after leading quotes or brackets. */
    private static int wordStart(String text, int end) {
        int b = end;
        while (b > 0 && !Whitespace.isSpace(text.charAt(b - 1)) && end - b < 64) {
            b--;
        }
        while (b < end && SentencePunctuation.isOpener(text.charAt(b))) {
            b++;
        }
        return b;
    }

    /** "Mr." or, for two-word entries, "v. Chr.": the whole word (with the one before) in CLDR's list. */
    private static boolean isCldrAbbreviation(String text, int wordStart, int period, String language) {
        Set<String> cldr = CldrAbbreviations.forLanguage(language);
        if (cldr.isEmpty()) {
            return false;
        }
        if (cldr.contains(text.substring(wordStart, period + 1))) {
            return true;
        }
        if (wordStart >= 2 && text.charAt(wordStart - 1) == ' ' && text.charAt(wordStart - 2) == '.') {
            int previous = wordStart(text, wordStart - 1);
            return cldr.contains(text.substring(previous, period + 1));
        }
        return false;
    }

    /** The letters of the word starting at {@code from}. */
    private static String wordAt(String text, int from) {
        int k = from;
        while (k < text.length() && Character.isLetter(text.charAt(k)) && k - from < 32) {
            k++;
        }
        return text.substring(from, k);
    }

    private static int nextWordStart(String text, int from) {
        int k = from;
        while (k < text.length() && (Whitespace.isSpace(text.charAt(k)) || SentencePunctuation.isOpener(text.charAt(k)))) {
            k++;
        }
        return k;
    }
}
