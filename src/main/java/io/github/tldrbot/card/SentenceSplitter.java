package io.github.tldrbot.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits plain text into sentences for the extractive summarizer (SPEC §5.2).
 *
 * <p>A rule-based scanner rather than {@link java.text.BreakIterator}: the JDK iterator splits after
 * "Dr." and "e.g." and is slow on long texts. Rules, in order:
 * <ul>
 *   <li>CJK {@code 。！？}, Urdu {@code ۔}, Devanagari {@code । ॥} and Arabic {@code ؟} end a sentence
 *       even without a following space (those scripts do not put one);</li>
 *   <li>{@code . ! ? …} end a sentence only when followed (after closing quotes/brackets) by white
 *       space or the end, so decimals ({@code 3.14}), versions ({@code v1.2}), URLs and e-mail
 *       addresses never split;</li>
 *   <li>a period after a known abbreviation ({@code Dr. e.g. U.S.}), a single letter (initials) or
 *       before a lower-case word does not split; corporate suffixes ({@code Inc. Ltd. etc.}) split
 *       only before a capitalised word; an ellipsis splits only before a capitalised word;</li>
 *   <li>a blank line (paragraph break) always splits.</li>
 * </ul>
 * Sentences come back trimmed with white space collapsed. Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Never end a sentence: titles and Latin abbreviations almost always continue. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "col", "lt", "sgt",
            "capt", "rev", "hon", "vs", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "ph.d", "approx", "dept",
            "univ", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "est", "ca", "viz", "a.k.a", "resp");

    /** End a sentence only when the next word is capitalised ("… by Acme Inc. The deal …"). */
    private static final Set<String> SUFFIXES = Set.of(
            "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "etc", "al", "a.m", "p.m");

    /** Abbreviations only when a number follows ("No. 5", "Fig. 2"). */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "fig", "figs", "vol", "pp", "p", "art", "sec", "ch");

    /** Splits all of {@code text}. */
    public List<String> split(String text) {
        return split(text, Integer.MAX_VALUE);
    }

    /** The first {@code maxSentences} sentences of {@code text}; stops scanning once it has them. */
    public List<String> split(String text, int maxSentences) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || maxSentences <= 0) {
            return out;
        }
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n && out.size() < maxSentences) {
            char c = text.charAt(i);
            if (isHardTerminator(c)) {
                int j = skipClosers(text, skipTerminators(text, i + 1));
                emit(text, start, j, out);
                start = j;
                i = j;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int termEnd = skipTerminators(text, i + 1);
                int j = skipClosers(text, termEnd);
                if (j < n && !Character.isWhitespace(text.charAt(j))) {
                    i = termEnd;
                    continue;
                }
                if (isBoundary(text, start, i, termEnd, j)) {
                    emit(text, start, j, out);
                    start = j;
                }
                i = j;
            } else if (c == '\n' && isParagraphBreak(text, i + 1)) {
                emit(text, start, i, out);
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        if (out.size() < maxSentences) {
            emit(text, start, n, out);
        }
        return out;
    }

    private static boolean isBoundary(String text, int start, int termStart, int termEnd, int afterClosers) {
        int next = nextWordStart(text, afterClosers);
        if (next >= text.length()) {
            return true;
        }
        int nextCp = text.codePointAt(next);
        String run = text.substring(termStart, termEnd);
        if (run.indexOf('!') >= 0 || run.indexOf('?') >= 0) {
            return !Character.isLowerCase(nextCp);
        }
        if (run.length() > 1 || run.equals("…")) {
            return Character.isUpperCase(nextCp);
        }
        String word = wordBefore(text, start, termStart);
        if (word.isEmpty()) {
            return true;
        }
        if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) {
            return false;
        }
        if (NUMBER_ABBREVIATIONS.contains(word)) {
            return !Character.isDigit(nextCp);
        }
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        if (SUFFIXES.contains(word) || isDottedInitials(word)) {
            return Character.isUpperCase(nextCp);
        }
        return !Character.isLowerCase(nextCp);
    }

    /** The lower-cased token just before a period, without leading quotes or brackets. */
    private static String wordBefore(String text, int start, int end) {
        int b = end;
        while (b > start && !Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        while (b < end && isOpener(text.charAt(b))) {
            b++;
        }
        return text.substring(b, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** "u.s", "a.b.c": single letters joined by periods. */
    private static boolean isDottedInitials(String w) {
        if (w.length() < 3) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            boolean letterSlot = k % 2 == 0;
            char ch = w.charAt(k);
            if (letterSlot ? !Character.isLetter(ch) : ch != '.') {
                return false;
            }
        }
        return w.length() % 2 == 1;
    }

    private static int nextWordStart(String text, int from) {
        int k = from;
        while (k < text.length() && (Character.isWhitespace(text.charAt(k)) || isOpener(text.charAt(k)))) {
            k++;
        }
        return k;
    }

    private static boolean isParagraphBreak(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\n') {
                return true;
            }
            if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return false;
    }

    private static int skipTerminators(String text, int from) {
        int k = from;
        while (k < text.length() && isTerminator(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipClosers(String text, int from) {
        int k = from;
        while (k < text.length() && isCloser(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || isHardTerminator(c);
    }

    static boolean isHardTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '｡' || c == '۔' || c == '।' || c == '॥' || c == '؟';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」'
                || c == '』' || c == '）' || c == '›';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '「'
                || c == '『' || c == '（' || c == '‹';
    }

    private static void emit(String text, int from, int to, List<String> out) {
        if (from >= to) {
            return;
        }
        String s = collapse(text, from, to);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** Trims and collapses every run of white space to one space. */
    static String collapse(String s) {
        return collapse(s, 0, s.length());
    }

    /** {@link #collapse(String)} of {@code s[from, to)}; most sentences need no change, so no copy is built then. */
    private static String collapse(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++; // sentences start after the white space that ended the one before
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        if (isCollapsed(s, from, to)) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (isSpace(ch)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** No white space at either end, and none inside except single plain spaces. */
    private static boolean isCollapsed(String s, int from, int to) {
        if (from >= to || isSpace(s.charAt(from)) || isSpace(s.charAt(to - 1))) {
            return false;
        }
        for (int k = from + 1; k < to - 1; k++) {
            char ch = s.charAt(k);
            if (isSpace(ch) && (ch != ' ' || isSpace(s.charAt(k + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Character.isWhitespace or a no-break space; ASCII tested directly, without the Unicode table. */
    private static boolean isSpace(char ch) {
        if (ch < 0x80) {
            return ch == ' ' || (ch >= '\t' && ch <= '\r') || (ch >= 0x1C && ch <= 0x1F);
        }
        return Character.isWhitespace(ch) || ch == '\u00A0';
    }
}
