package io.github.tldrbot.card;

import io.github.tldrbot.feed.ArticleLink;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a line that is nothing but the text of the body's links ("Casey's waffle maker review",
 * "👴 screwed up “finsta”", "Bloomberg: iPhone scoop · The Verge: hands-on"): show notes, "related
 * posts" and link lists, which name other pages instead of saying something. Letters and digits are
 * compared case-insensitively; a line is a link line when at most {@value #MAX_LEFT_OVER} of them are
 * left once every link text in it is taken out. Thread-safe (the keys are built once, on first use).
 */
final class LinkLines {

    static final LinkLines NONE = new LinkLines(List.of());
    private static final int MAX_LEFT_OVER = 3;
    /** Shorter link texts ("1", "here") would match inside any line. */
    private static final int MIN_LINK_KEY = 4;

    private final List<ArticleLink> links;
    /** Built on first use: most articles have no line that needs the check. */
    private volatile List<String> keys;

    LinkLines(List<ArticleLink> links) {
        this.links = List.copyOf(links);
    }

    private List<String> keys() {
        List<String> k = keys;
        if (k == null) {
            List<String> built = new ArrayList<>();
            for (ArticleLink link : links) {
                String key = link.text() == null ? "" : key(link.text());
                if (key.length() >= MIN_LINK_KEY && !built.contains(key)) {
                    built.add(key);
                }
            }
            built.sort((a, b) -> Integer.compare(b.length(), a.length())); // longest first: parts never shadow wholes
            k = List.copyOf(built);
            keys = k;
        }
        return k;
    }

    boolean isOnlyLinks(String line) {
        if (links.isEmpty()) {
            return false;
        }
        List<String> keys = keys();
        String left = key(line);
        if (left.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (String k : keys) {
            int at = left.indexOf(k);
            if (at >= 0) {
                left = left.substring(0, at) + left.substring(at + k.length());
                any = true;
                if (left.length() <= MAX_LEFT_OVER) {
                    return true;
                }
            }
        }
        return any && left.length() <= MAX_LEFT_OVER;
    }

    /** Lower-case letters and digits only. */
    private static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
            }
            k += Character.charCount(cp);
        }
        return b.toString();
    }
}
