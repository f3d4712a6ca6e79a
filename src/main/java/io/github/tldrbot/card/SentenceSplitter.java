package io.github.tldrbot.card;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.github.tldrbot.text.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * boundaries too ({@link FalseBoundaries}):
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
            if (b <= start || (b < n && FalseBoundaries.continuesAfter(text, b, language))) {
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

    /**
     * French sets closing quotes off with a space ("« Bonjour. » Puis"), where ICU puts the boundary
     * before the quote; the quote belongs to the sentence it closes.
     */
    private static int afterDetachedClosers(String text, int b) {
        int k = b;
        while (k < text.length() && SentencePunctuation.isCloser(text.charAt(k))
                && text.charAt(k) != '"' && text.charAt(k) != '\'') {
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
        while (k > start && SentencePunctuation.isStrictOpener(text.charAt(k - 1))) {
            k--;
        }
        return k > start ? k : b;
    }

    /**
     * Emits {@code text[from, to)}, split after each "…" that precedes a capitalised word: ICU never ends a
     * sentence at "…", and before a capitalised word it usually does ("No one knows… Then").
     *
     * @param at the first "…" at or after {@code from}, or -1: searched once per text, not per sentence
     * @return the first "…" at or after {@code to}, or -1
     */
    private static int emitSplittingAtEllipses(String text, int from, int to, int at, List<String> out, int max) {
        int start = from;
        while (at >= 0 && at < to && out.size() < max) {
            int j = at + 1;
            while (j < to && SentencePunctuation.isCloser(text.charAt(j))) {
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
