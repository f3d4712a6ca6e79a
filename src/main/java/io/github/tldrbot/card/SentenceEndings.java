package io.github.tldrbot.card;

import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes every sentence end the way a card field must (SPEC §5.1): with terminal punctuation (a
 * closing quote or bracket may follow), a closing quote, or {@code …}. A sentence without such an end
 * came from a line of its own (the splitter ends sentences at line breaks) or from the end of the text:
 * <ul>
 *   <li>the last sentence of a text the feed cut ({@link FeedCut}), or any sentence ending with an
 *       excerpt marker {@code [...]}, loses its last, possibly partial, word and ends in {@code …} (a text
 *       in a script without spaces just gets the {@code …});</li>
 *   <li>a line that is only the text of the body's links (show notes, "related" lists; unless it is the
 *       whole body, as when a podcast wraps its one-line description in a link to the audio), has at
 *       most {@value #HEADING_WORDS} words (a heading such as "Release notes", a label, a fragment), or
 *       is a title-case heading of at most {@value #TITLE_CASE_WORDS} words ("New Features in the API":
 *       every word of four or more letters capitalised) is dropped: alone it says nothing;</li>
 *   <li>a longer line (a list item that is a statement, a teaser the feed wrote without a period) gets
 *       the period it lacks, or {@code …} when its last word needs another ("courtesy of Google, to"
 *       before a link that had no text).</li>
 * </ul>
 * A line ending with a colon introduces what follows; it is kept when it is a sentence (the summarizer
 * never shows one alone) and dropped when it is heading-short. Stateless and thread-safe.
 */
final class SentenceEndings {

    static final int HEADING_WORDS = 5;
    static final int TITLE_CASE_WORDS = 12;
    /** Characters of a heading in scripts written without spaces (Chinese, Japanese, Thai). */
    private static final int HEADING_CHARS_UNSPACED = 15;
    private static final int MIN_WORDS_AFTER_CUT = 2;

    /**
     * @param sentences  the text's sentences in order
     * @param cutAtEnd   true when the last sentence is where the feed (or our own length cap) cut the text
     * @param isLinkText true for a sentence that is only the text of the body's links (see {@link LinkLines})
     */
    List<String> settle(List<String> sentences, boolean cutAtEnd, Predicate<String> isLinkText) {
        List<String> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            boolean last = i == sentences.size() - 1;
            if ((last && cutAtEnd) || endsWithCutMarker(s)) {
                String marked = markCut(s);
                if (marked != null) {
                    out.add(marked);
                }
            } else if (isEnded(s)) {
                out.add(s);
            } else if (isHeadingShort(s) || (sentences.size() > 1 && isLinkText.test(s))) {
                continue;
            } else if (s.endsWith(":") || s.endsWith("：")) {
                out.add(s);
            } else if (FeedCut.endsWithAWordThatNeedsMore(s)) {
                out.add(s + TextShortener.ELLIPSIS); // "…courtesy of Google, to": its continuation is not text
            } else {
                out.add(s + terminatorFor(s));
            }
        }
        return out;
    }

    /** "… klo 17:30 [...]": a feed's excerpt cut, even where more text follows it. */
    private static boolean endsWithCutMarker(String s) {
        return s.endsWith("[...]") || s.endsWith("[…]") || s.endsWith("[ … ]") || s.endsWith("[ ... ]");
    }

    /** The sentence without its last word (and any cut marker), ending in "…"; null when too little is left. */
    static String markCut(String s) {
        String t = s.strip();
        if (endsWithCutMarker(t)) {
            t = t.substring(0, t.lastIndexOf('[')).stripTrailing();
        }
        if (t.isEmpty() || !hasLetterOrDigit(t)) {
            return null;
        }
        if (t.endsWith("…")) {
            return t;
        }
        int lastCp = t.codePointBefore(t.length());
        if (WordTokenizer.isIdeograph(lastCp) || isUnspacedScript(lastCp)) {
            return t + TextShortener.ELLIPSIS;
        }
        int space = lastSpace(t);
        if (space < 0) {
            return null; // one word, maybe partial: nothing worth showing
        }
        String head = trimDangling(t.substring(0, space));
        if (countWords(head) < MIN_WORDS_AFTER_CUT) {
            return null;
        }
        return head + TextShortener.ELLIPSIS;
    }

    /** True when {@code s} ends with terminal punctuation (closers may follow), a closing quote, or "…". */
    static boolean isEnded(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        char c = s.charAt(end - 1);
        if (isClosingQuote(c)) {
            return true;
        }
        while (end > 0 && SentencePunctuation.isCloser(s.charAt(end - 1))) {
            end--;
        }
        return end > 0 && isTerminal(s.charAt(end - 1));
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '‼' || c == '⁇' || c == '⁈' || c == '⁉'
                || SentencePunctuation.isHardTerminator(c);
    }

    /** At the very end of a sentence every quotation mark closes (German „Ja“, Danish »Ja«). */
    private static boolean isClosingQuote(char c) {
        return c == '"' || c == '”' || c == '’' || c == '»' || c == '」' || c == '』' || c == '›' || c == '“' || c == '‘'
                || c == '«' || c == '‹' || c == '\'';
    }

    private static boolean isHeadingShort(String s) {
        if (!s.contains(" ") && containsUnspacedScript(s)) {
            return s.codePointCount(0, s.length()) <= HEADING_CHARS_UNSPACED;
        }
        int words = countWords(s);
        return words <= HEADING_WORDS || (words <= TITLE_CASE_WORDS && isTitleCase(s));
    }

    /**
     * Every word of four or more letters starts with a capital, and there are at least two: English
     * headings. German capitalises only nouns, so its sentences have lower-case verbs and adjectives.
     */
    static boolean isTitleCase(String s) {
        int capitalised = 0;
        int k = 0;
        int n = s.length();
        while (k < n) {
            while (k < n && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            int start = k;
            while (k < n && !Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            int first = start;
            while (first < k && !Character.isLetterOrDigit(s.charAt(first))) {
                first++;
            }
            int letters = 0;
            for (int j = first; j < k; j++) {
                if (Character.isLetterOrDigit(s.charAt(j))) {
                    letters++;
                }
            }
            if (letters < 4 || first >= k || !Character.isLetter(s.charAt(first))) {
                continue;
            }
            if (!Character.isUpperCase(s.charAt(first))) {
                return false;
            }
            capitalised++;
        }
        return capitalised >= 2;
    }

    /** "。" after Chinese or Japanese, "." otherwise. */
    private static String terminatorFor(String s) {
        int lastCp = s.codePointBefore(s.length());
        return WordTokenizer.isIdeograph(lastCp) || isKana(lastCp) ? "。" : ".";
    }

    /** Words: runs between spaces that hold a letter or digit. */
    static int countWords(String s) {
        int words = 0;
        boolean inWord = false;
        boolean counted = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c)) {
                inWord = false;
                counted = false;
            } else {
                inWord = true;
                if (!counted && Character.isLetterOrDigit(c)) {
                    words++;
                    counted = true;
                }
            }
        }
        return inWord || words > 0 ? words : 0;
    }

    private static boolean hasLetterOrDigit(String t) {
        for (int k = 0; k < t.length(); k++) {
            if (Character.isLetterOrDigit(t.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static int lastSpace(String t) {
        for (int k = t.length() - 1; k > 0; k--) {
            if (Character.isWhitespace(t.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static String trimDangling(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || ",;:-–—/&([{\"'“‘«|·".indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean containsUnspacedScript(String s) {
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (WordTokenizer.isIdeograph(cp) || isUnspacedScript(cp)) {
                return true;
            }
            k += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isKana(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isUnspacedScript(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }
}
