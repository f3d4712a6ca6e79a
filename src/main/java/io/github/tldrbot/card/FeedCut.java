package io.github.tldrbot.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a text the feed itself cut off, so its last sentence can be marked with {@code …} rather
 * than shown as if complete (SPEC §5.1). Signs of a cut, looked for at the end of the cleaned text:
 * <ul>
 *   <li>a truncation marker: {@code [...]}, {@code […]}, {@code (...)}, {@code ...}, {@code …}, or
 *       NewsAPI's {@code [+123 chars]} — the marker is removed;</li>
 *   <li>a dangling separator no complete text ends with: {@code , ; - – — / & (};</li>
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
        if (!SentenceEndings.isEnded(t) && isAtLimit(rawLength)) {
            return new Text(t, true);
        }
        return new Text(t, false);
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
