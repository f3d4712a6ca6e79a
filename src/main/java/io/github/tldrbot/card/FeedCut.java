package io.github.tldrbot.card;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a text the feed itself cut off, so its last sentence can be marked with {@code …} rather
 * than shown as if complete (SPEC §5.1). Signs of a cut, looked for at the end of the cleaned text:
 * <ul>
 *   <li>a truncation marker: {@code [...]}, {@code […]}, {@code (...)}, {@code ...}, {@code …}, or
 *       NewsAPI's {@code [+123 chars]} — the marker is removed;</li>
 *   <li>a dangling separator no complete text ends with: {@code , ; - – — / & (};</li>
 *   <li>no terminal punctuation and a last word no sentence ends with: a lone letter ("another A",
 *       "that s"; not "I"), an
 *       article, conjunction or preposition ("the", "and", "of"; German, French, Spanish, Portuguese,
 *       Italian and Russian ones too);</li>
 *   <li>no terminal punctuation and a raw length at a storage limit that CMSes and podcast hosts cut
 *       fields to (255 or 256 characters, 500, 512, 1000, 1024): the cut fell wherever the limit did.</li>
 * </ul>
 * A text that ends with terminal punctuation is never called cut unless it carries a marker.
 * Stateless and thread-safe.
 */
final class FeedCut {

    /** A cleaned text and whether the feed cut it (its marker, if any, removed). */
    record Text(String text, boolean cut) {
    }

    private static final Pattern MARKER = Pattern.compile(
            "\\s*(?:\\[\\s*(?:\\.{3,}|…)\\s*]|\\(\\s*(?:\\.{3,}|…)\\s*\\)|\\.{3,}|…|\\[\\+\\d+ chars])\\s*$");
    /** Words that need a word after them: a text that ends with one was cut. */
    private static final Set<String> NEEDS_MORE = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as",
            "into", "about", "than", "our", "your", "their", "its", "my", "der", "die", "das",
            "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "mit", "von", "zu", "zum", "zur", "im",
            "für", "auf", "le", "la", "les", "un", "une", "du", "de", "et", "ou", "au", "aux", "pour", "avec", "el",
            "los", "las", "una", "y", "en", "con", "del", "por", "para", "o", "os", "um", "uma", "e", "do", "da",
            "il", "lo", "gli", "di", "per", "che", "и", "в", "на", "с", "по", "к", "из", "для", "от", "о");
    /** Field sizes truncation happens at; the text may be one shorter once a trailing space is trimmed. */
    private static final int[] LIMITS = {255, 256, 500, 512, 1000, 1024};

    /**
     * @param text      the cleaned plain text
     * @param rawLength length of the field as the feed gave it (before cleaning)
     */
    Text detect(String text, int rawLength) {
        String t = text.stripTrailing();
        if (t.isEmpty()) {
            return new Text(t, false);
        }
        char last = t.charAt(t.length() - 1);
        if (last == '.' || last == '…' || last == ']' || last == ')') {
            Matcher m = MARKER.matcher(t);
            int from = Math.max(0, t.length() - 20);
            if (m.region(from, t.length()).useTransparentBounds(true).find()) {
                return new Text(t.substring(0, m.start()), true);
            }
        }
        if (",;-–—/&(".indexOf(last) >= 0) {
            return new Text(t.substring(0, t.length() - 1).stripTrailing(), true);
        }
        if (!SentenceEndings.isEnded(t) && (isAtLimit(rawLength) || endsWithAWordThatNeedsMore(t))) {
            return new Text(t, true);
        }
        return new Text(t, false);
    }

    /** True when the last word of {@code t} is a lone letter (not "I") or an article, conjunction or preposition. */
    static boolean endsWithAWordThatNeedsMore(String t) {
        int start = t.length();
        while (start > 0 && Character.isLetter(t.charAt(start - 1))) {
            start--;
        }
        if (start == t.length() || (start > 0 && !Character.isWhitespace(t.charAt(start - 1)))) {
            return false;
        }
        String word = t.substring(start);
        if (word.length() == 1) {
            return !word.equals("I");
        }
        return NEEDS_MORE.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isAtLimit(int length) {
        for (int limit : LIMITS) {
            if (length == limit || length == limit - 1) {
                return true;
            }
        }
        return false;
    }
}
