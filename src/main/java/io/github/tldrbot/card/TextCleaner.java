package io.github.tldrbot.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips the furniture that feed platforms wrap around an article's text before it is split into
 * sentences (SPEC §5.1: no boilerplate on a card). Rules follow platform formats and typography, not
 * particular feeds:
 * <ul>
 *   <li>reddit's "submitted by /u/x to /r/y [link] [N comments]";</li>
 *   <li>Hacker News feeds' "Article URL: … Comments URL: … Points: … # Comments: …";</li>
 *   <li>Craigslist's "QR Code Link to This Post", "show contact info", "do NOT contact me with
 *       unsolicited services or offers";</li>
 *   <li>WordPress's "The post X appeared first on Y." / "The post X first appeared on Y." (and its
 *       German, French, Spanish, Portuguese, Italian and Dutch translations);</li>
 *   <li>"Read more", "Continue reading …", "Keep reading" and their translations at the end of the text
 *       or on a line of their own; lines of share links ("Share this:", "Share on Twitter", "Tweet",
 *       "Like this:");</li>
 *   <li>signatures and bylines: a last line such as "- Jane Roe, Widget API Team", "— The Widget Team",
 *       "Jane Roe, Widget API Team" or "By Jane Roe in Paris", a first line "Posted by …";</li>
 *   <li>bare URLs: a line that is only a URL, and a URL left hanging after a sentence's end
 *       ("It shipped today. https://…").</li>
 * </ul>
 * Line breaks are kept (they are sentence boundaries). Cheap substring tests guard every expression,
 * so text without furniture costs one lower-casing and a few searches. In three passes: the platforms'
 * own furniture ({@link PlatformFurniture}), whole lines ({@link FurnitureLines}), then the end of the
 * text ({@link TrailingFurniture}). Stateless and thread-safe.
 */
final class TextCleaner {

    /** Lines at most this long are looked at as possible furniture (a line of prose is longer). */
    static final int SHORT_LINE = 160;
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"“”]+", Pattern.CASE_INSENSITIVE);

    /** {@code text} without furniture; line breaks kept, blank lines collapsed, trimmed. */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = PlatformFurniture.strip(text);
        t = FurnitureLines.clean(t);
        return TrailingFurniture.strip(t);
    }

    /** The first letter of {@code s} in lower case, or a space: lets most lines skip the line patterns. */
    static char firstLetter(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                return Character.toLowerCase(c);
            }
        }
        return ' ';
    }

    /** True when {@code s} is only URLs and punctuation. */
    static boolean isOnlyUrl(String s) {
        Matcher m = URL.matcher(s);
        int last = 0;
        boolean any = false;
        while (m.find()) {
            if (!isPunctuationOrSpace(s, last, m.start())) {
                return false;
            }
            any = true;
            last = m.end();
        }
        return any && isPunctuationOrSpace(s, last, s.length());
    }

    private static boolean isPunctuationOrSpace(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetterOrDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
