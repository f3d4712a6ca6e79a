package io.github.tldrbot.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one word tokenizer: splits text into lower-case word tokens, for keyword matching, sentence
 * scoring, story features, recap title keys, the card-quality report and {@code /recap topic:}.
 *
 * <p>A token is a run of letters, digits and combining marks; everything else separates tokens, so
 * {@code zero-day} and {@code zero day} give the same tokens and a keyword always matches on word
 * boundaries. Letters are lower-cased one code point at a time (so "İ" is "i", not "i" plus a loose
 * dot that would split the word), and a word typed with combining accents (e + U+0301) is composed
 * (NFC) like the precomposed é. Stateless and thread-safe.
 *
 * <p>Two kinds of tokenizer, because callers compare tokens with different things:
 * <ul>
 *   <li>{@link #WordTokenizer() matching} tokens are compared with other matching tokens of our own
 *       (keywords with articles, sentences with titles, articles with articles), so both sides may be
 *       folded: Han, Hiragana and Katakana characters are one token each, because those scripts do not
 *       separate words with spaces; tokens get a light plural fold ({@code apis → api}, {@code libraries
 *       → library}) so a keyword list does not have to spell out every plural; and Russian ё is read as
 *       е (most Russian text writes е).</li>
 *   <li>{@link #asWritten as-written} tokens are the words as the text spells them: no fold, and a run
 *       of ideographs stays one word. A topic search needs them: the database splits and stems the
 *       query with its own rules, as it did the indexed text (SQLite's {@code porter unicode61} keeps ё
 *       apart from е and indexes a run of ideographs as one token), so a fold of ours first could only
 *       make the two disagree. Recap title keys and the quality report compare whole texts word for
 *       word and keep the words as written as well. Their {@link Normalisation} is chosen per caller.</li>
 * </ul>
 */
public final class WordTokenizer {

    /** Unicode normalisation of the whole text before it is split into words (as-written tokens only). */
    public enum Normalisation {
        /** The text as typed (each word still composed, NFC). */
        NONE,
        /**
         * NFKC: full-width letters and digits, ligatures and other compatibility forms read as the plain
         * ones ("ｒｕｓｔ" is "rust"), as a user may type them into a search.
         */
        COMPATIBILITY,
        /**
         * NFKD with every combining mark dropped: "Élan" is "elan". Syndicated copies of one article
         * do not always keep the accents of its title.
         */
        WITHOUT_ACCENTS
    }

    /** Nouns whose plural is -ies but whose singular ends in -ie, not -y (movies → movie, not movy). */
    private static final Set<String> IE_NOUNS = Set.of("movie", "cookie", "zombie", "rookie",
            "selfie", "calorie", "goalie", "newbie", "freebie", "hippie", "genie", "prairie", "brownie", "smoothie",
            "foodie", "techie", "indie", "aussie", "boogie", "bookie", "hoodie", "veggie", "yuppie");

    /** No Han, Hiragana or Katakana code point lies below this one (U+2E80, CJK radicals). */
    private static final int FIRST_IDEOGRAPH = 0x2E80;
    /** No combining mark lies below this one (U+0300, combining grave accent). */
    private static final int FIRST_MARK = 0x0300;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Plural and spelling folds, and each ideograph a token of its own. */
    private final boolean folds;
    private final Normalisation normalisation;

    /** Matching tokens: folded plurals and ё, each Han/Kana character a token (see the class comment). */
    public WordTokenizer() {
        this(true, Normalisation.NONE);
    }

    private WordTokenizer(boolean folds, Normalisation normalisation) {
        this.folds = folds;
        this.normalisation = normalisation;
    }

    /** As-written tokens: no fold, ideograph runs kept whole, after {@code normalisation} of the text. */
    public static WordTokenizer asWritten(Normalisation normalisation) {
        return new WordTokenizer(false, normalisation);
    }

    /** Tokens of at most {@code maxChars} leading characters of {@code text} (null gives none). */
    public List<String> tokenize(String text, int maxChars) {
        return tokenize(text, maxChars, true);
    }

    /**
     * Tokens of {@code text} without the plural fold (the spelling folds still apply): for keyword
     * prefixes ({@code programm*}), whose last letters are not a plural ending.
     */
    public List<String> tokenizeWithoutPluralFold(String text) {
        return tokenize(text, Integer.MAX_VALUE, false);
    }

    private List<String> tokenize(String text, int maxChars, boolean plurals) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        text = normalised(text);
        boolean foldPlurals = plurals && folds;
        int end = Math.min(text.length(), maxChars);
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII fast path: no Unicode tables needed, and most feed text is ASCII
                if (word.length() == 0 && isAsciiLetterOrDigit(c)) {
                    int j = asciiRunEnd(text, i, end);
                    if (j == end || !continuesWord(text.codePointAt(j))) {
                        // a whole ASCII word: one substring instead of a char-by-char copy
                        String w = asciiLowerCase(text.substring(i, j));
                        out.add(foldPlurals ? foldPlural(w) : w);
                        i = j;
                        continue;
                    }
                }
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    word.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    word.append((char) (c + ('a' - 'A')));
                } else {
                    flush(word, out, foldPlurals);
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (folds && isIdeograph(cp)) {
                flush(word, out, foldPlurals);
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || (cp >= FIRST_MARK && isMark(cp))) {
                int lower = Character.toLowerCase(cp);
                word.appendCodePoint(folds && lower == 'ё' ? 'е' : lower);
            } else {
                flush(word, out, foldPlurals);
            }
        }
        flush(word, out, foldPlurals);
        return out;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Index after the run of ASCII letters and digits starting at {@code from}, at most {@code end}. */
    private static int asciiRunEnd(String text, int from, int end) {
        int j = from;
        while (j < end && text.charAt(j) < 0x80 && isAsciiLetterOrDigit(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Whether a code point joins the word before it (the same test the main loop applies). */
    private boolean continuesWord(int cp) {
        return !(folds && isIdeograph(cp)) && (Character.isLetterOrDigit(cp) || (cp >= FIRST_MARK && isMark(cp)));
    }

    private static String asciiLowerCase(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                return word.toLowerCase(Locale.ROOT);
            }
        }
        return word;
    }

    /** All tokens of {@code text}. */
    public List<String> tokenize(String text) {
        return tokenize(text, Integer.MAX_VALUE);
    }

    /** The plural fold applied to every matching token (input already lower case). */
    public static String foldPlural(String w) {
        int n = w.length();
        if (n <= 3 || w.charAt(n - 1) != 's') {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            String singular = w.substring(0, n - 1);
            return IE_NOUNS.contains(singular) ? singular : w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
            return w;
        }
        return w.substring(0, n - 1);
    }

    private static void flush(StringBuilder word, List<String> out, boolean plurals) {
        if (word.length() > 0) {
            String w = word.toString();
            if (mayCombine(w) && !Normalizer.isNormalized(w, Normalizer.Form.NFC)) {
                w = Normalizer.normalize(w, Normalizer.Form.NFC);
            }
            out.add(plurals ? foldPlural(w) : w);
            word.setLength(0);
        }
    }

    /** Whether {@code w} has a char at or above the first combining mark (so it may need composing). */
    private static boolean mayCombine(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (w.charAt(k) >= FIRST_MARK) {
                return true;
            }
        }
        return false;
    }

    /** A Han, Hiragana or Katakana character: a script that does not separate words with spaces. */
    public static boolean isIdeograph(int cp) {
        if (cp < FIRST_IDEOGRAPH) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    private String normalised(String text) {
        return switch (normalisation) {
            case NONE -> text;
            case COMPATIBILITY -> Normalizer.normalize(text, Normalizer.Form.NFKC);
            case WITHOUT_ACCENTS -> MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        };
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }
}
