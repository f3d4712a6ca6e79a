package io.github.tldrbot.card;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.github.tldrbot.text.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits plain text into sentences for the extractive summarizer (SPEC §5.2).
 *
 * <p>Boundaries come from ICU4J's sentence {@link BreakIterator} (Unicode UAX #29: CJK, Devanagari,
 * Arabic and Urdu terminators, closing quotes and brackets after the terminator, decimals and versions
 * such as {@code 3.5} or {@code v2.1.0}), in the article's language. A boundary after a period is
 * dropped when the word before it is one of CLDR's abbreviations for that language ({@code Mr.},
 * {@code z.B.}, {@code M.}, {@code руб.}; English when the language is unknown) — checked as a whole
 * word by {@link CldrAbbreviations}, because ICU's own filter matches word endings and glues German
 * sentences together. ICU still splits in places no reader would, so a few general rules veto its
 * boundaries too:
 * <ul>
 *   <li>a line break always ends a sentence (the feed's paragraphs and {@code <br>} lines);</li>
 *   <li>after a period: initials ({@code J. R. R. Tolkien}, {@code Г. Иванов}), dotted abbreviations
 *       ({@code L.A. Noire}, {@code U.S.}, {@code e.g.}, {@code т.е.}), titles and Latin
 *       abbreviations ({@code Dr.}, {@code vs.}, {@code approx.}), number abbreviations before a digit
 *       ({@code No. 5}, {@code Rs. 500}, {@code Jan. 5}) and German dates ({@code am 3. Mai});</li>
 *   <li>a terminator with no space after it inside a URL, e-mail address or query string
 *       ({@code https://a.example/x?y=1}), or before a lower-case letter or digit;</li>
 *   <li>{@code !} or {@code ?} before a lower-case word ({@code “Ready?” she asked});</li>
 *   <li>a closing quote or bracket set off by a space (French {@code « Bonjour. »}) stays with its
 *       sentence.</li>
 * </ul>
 * And one rule adds boundaries: an ellipsis {@code …} before a capitalised word ends a sentence (ICU
 * never splits at {@code …}). Sentences come back trimmed with white space collapsed.
 *
 * <p>ICU break iterators are not thread-safe: one prototype per language is built once and each call
 * works on its own clone, so this class is thread-safe.
 */
public final class SentenceSplitter {

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

    private static final String DEFAULT_LANGUAGE = "en";
    private static final Map<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();

    /** Splits all of {@code text}, English rules for abbreviations. */
    public List<String> split(String text) {
        return split(text, Integer.MAX_VALUE, null);
    }

    /** The first {@code maxSentences} sentences of {@code text}, English rules for abbreviations. */
    public List<String> split(String text, int maxSentences) {
        return split(text, maxSentences, null);
    }

    /**
     * The first {@code maxSentences} sentences of {@code text}; stops scanning once it has them.
     *
     * @param lang ISO 639-1 code of the text's language (CLDR abbreviation lists), or null for English
     */
    public List<String> split(String text, int maxSentences, String lang) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || maxSentences <= 0) {
            return out;
        }
        String language = normalise(lang);
        BreakIterator iterator = iterator(language);
        iterator.setText(text);
        int n = text.length();
        int start = 0;
        int ellipsis = text.indexOf('…'); // the next "…" at or after start, -1 when none is left
        for (int b = iterator.next(); b != BreakIterator.DONE && out.size() < maxSentences; b = iterator.next()) {
            if (b <= start || (b < n && continuesAfter(text, b, language))) {
                continue;
            }
            int end = b < n ? beforeTrailingOpeners(text, start, afterDetachedClosers(text, b)) : b;
            ellipsis = emitSplittingAtEllipses(text, start, end, ellipsis, out, maxSentences);
            start = end;
        }
        if (start < n && out.size() < maxSentences) {
            emitSplittingAtEllipses(text, start, n, ellipsis, out, maxSentences);
        }
        return out;
    }

    /** False when ICU's boundary at {@code b} falls where the sentence plainly goes on. */
    private static boolean continuesAfter(String text, int b, String language) {
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
        while (p > 0 && isCloser(text.charAt(p - 1))) {
            p--;
        }
        int q = p;
        while (q > 0 && isTerminator(text.charAt(q - 1))) {
            q--;
        }
        if (q == p) {
            return false;
        }
        char last = text.charAt(p - 1);
        if (isHardTerminator(last)) {
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
        while (b < end && isOpener(text.charAt(b))) {
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
        while (k < text.length() && (Whitespace.isSpace(text.charAt(k)) || isOpener(text.charAt(k)))) {
            k++;
        }
        return k;
    }

    /**
     * French sets closing quotes off with a space ("« Bonjour. » Puis"), where ICU puts the boundary
     * before the quote; the quote belongs to the sentence it closes.
     */
    private static int afterDetachedClosers(String text, int b) {
        int k = b;
        while (k < text.length() && isCloser(text.charAt(k)) && text.charAt(k) != '"' && text.charAt(k) != '\'') {
            k++;
        }
        if (k == b || (k < text.length() && !Whitespace.isSpace(text.charAt(k)))) {
            return b;
        }
        return k;
    }

    /**
     * UAX #29 counts opening brackets as closers, so "価格は？「本当" breaks after the 「; an opening
     * bracket or quote glued to the next word belongs to the sentence it opens. (With a space after it,
     * it closes: German „Hallo.“ Dann.)
     */
    private static int beforeTrailingOpeners(String text, int start, int b) {
        if (b >= text.length() || Whitespace.isSpace(text.charAt(b))) {
            return b;
        }
        int k = b;
        while (k > start && isStrictOpener(text.charAt(k - 1))) {
            k--;
        }
        return k > start ? k : b;
    }

    /** Openers that never close anything (unlike the straight quotes). */
    private static boolean isStrictOpener(char c) {
        return c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '「' || c == '『' || c == '（'
                || c == '‹' || c == '„' || c == '【' || c == '〈' || c == '《';
    }

    /** ICU never ends a sentence at "…"; before a capitalised word it usually does ("No one knows… Then"). */
    /**
     * Emits {@code text[from, to)}, split after each "…" that precedes a capitalised word.
     *
     * @param at the first "…" at or after {@code from}, or -1: searched once per text, not per sentence
     * @return the first "…" at or after {@code to}, or -1
     */
    private static int emitSplittingAtEllipses(String text, int from, int to, int at, List<String> out, int max) {
        int start = from;
        while (at >= 0 && at < to && out.size() < max) {
            int j = at + 1;
            while (j < to && isCloser(text.charAt(j))) {
                j++;
            }
            int k = j;
            while (k < to && Whitespace.isSpace(text.charAt(k)) && text.charAt(k) != '\n') {
                k++;
            }
            if (k > j && k < to && Character.isUpperCase(text.codePointAt(k)) && hasLetter(text, start, at)) {
                emit(text, start, j, out);
                start = j;
            }
            at = text.indexOf('…', at + 1);
        }
        if (out.size() < max) {
            emit(text, start, to, out);
        }
        while (at >= 0 && at < to) {
            at = text.indexOf('…', at + 1);
        }
        return at;
    }

    private static boolean hasLetter(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** A clone of the language's prototype: each call gets its own, as ICU iterators keep state. */
    private static BreakIterator iterator(String language) {
        BreakIterator prototype = PROTOTYPES.computeIfAbsent(language, SentenceSplitter::prototype);
        synchronized (prototype) {
            return prototype.clone();
        }
    }

    private static BreakIterator prototype(String language) {
        return BreakIterator.getSentenceInstance(new ULocale(language));
    }

    /** A 2–3 letter language code, else English: keeps the prototype cache small whatever the input. */
    private static String normalise(String lang) {
        if (lang == null) {
            return DEFAULT_LANGUAGE;
        }
        String l = lang.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
        if (dash > 0) {
            l = l.substring(0, dash);
        }
        if (l.length() < 2 || l.length() > 3) {
            return DEFAULT_LANGUAGE;
        }
        for (int k = 0; k < l.length(); k++) {
            if (l.charAt(k) < 'a' || l.charAt(k) > 'z') {
                return DEFAULT_LANGUAGE;
            }
        }
        return l;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || isHardTerminator(c);
    }

    /** Terminators of scripts that put no space after them: a sentence ends there whatever follows. */
    static boolean isHardTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '｡' || c == '۔' || c == '।' || c == '॥' || c == '؟';
    }

    static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」'
                || c == '』' || c == '）' || c == '›' || c == '】' || c == '〉' || c == '》';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '「'
                || c == '『' || c == '（' || c == '‹' || c == '„' || c == '¿' || c == '¡';
    }

    private static void emit(String text, int from, int to, List<String> out) {
        if (from >= to) {
            return;
        }
        String s = Whitespace.collapse(text, from, to);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
