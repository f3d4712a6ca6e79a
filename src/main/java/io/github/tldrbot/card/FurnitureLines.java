package io.github.tldrbot.card;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whole lines of furniture, for {@link TextCleaner}: a line that is only a URL (with a "Source:" label
 * at most), a share bar ("Share this: Twitter Facebook"), a "Read more" line, a first line "Posted by
 * …"; and a URL left hanging after a line's last sentence ("It shipped today. https://…").
 */
final class FurnitureLines {

    private static final Pattern MORE_LINE = Pattern.compile(
            "(?iu)^[\\s\\p{P}\\p{S}]*" + ReadMorePhrases.MORE + "(?![\\p{L}\\p{N}])[\\s.…:»›→>)\\]]*[^.!?。]{0,120}$");
    /** First letters of the share words, in lower case: lets most lines skip {@link #SHARE_LINE}. */
    private static final String SHARE_INITIALS = "stlepfxrwmbaqcоп";
    /** Words of a share bar: a line made only of these is furniture. */
    private static final Pattern SHARE_LINE = Pattern.compile(
            "(?iu)^(?:[\\s\\p{P}\\p{S}]*(?:share(?: this| on| via| to)?|tweet(?: this)?|like this|like loading|loading"
            + "|email|e-mail|print|pin it|pinterest|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|tumblr|pocket"
            + "|mastodon|bluesky|threads|flipboard|teilen|partager|compartir|compartilhar|condividi|поделиться"
            + "|more|mehr|plus)[\\s\\p{P}\\p{S}]*)+$");
    /** Labels that may stand between a sentence's end and a URL hanging after it. */
    private static final Set<String> URL_LABELS = Set.of("source:", "source", "via", "link:", "link", "more:",
            "details:", "quelle:", "source :");
    private static final Pattern URL_LINE = Pattern.compile(
            "(?i)^[\\s\\p{P}\\p{S}]*(?:(?:source|via|link|quelle)\\s*:?\\s*)?(?:https?://|www\\.)[^\\s<>\"“”]+[\\s\\p{P}\\p{S}]*$");
    /** A first line "Posted by …": a byline, not article text. */
    private static final Pattern POSTED_BY = Pattern.compile("(?i)^(?:posted|written|published) by\\s[^\\n]{1,120}$");

    private FurnitureLines() {
    }

    /**
     * Drops whole lines of furniture and URLs hanging after a line's last sentence. Only short lines
     * and lines with a URL are looked at; the text is copied only once a line changes.
     */
    static String clean(String t) {
        StringBuilder out = null;
        int start = 0;
        boolean first = true;
        int url = nextUrl(t, 0);
        while (start <= t.length()) {
            int nl = t.indexOf('\n', start);
            int end = nl < 0 ? t.length() : nl;
            if (url >= 0 && url < start) {
                url = nextUrl(t, start);
            }
            boolean hasUrl = url >= 0 && url < end;
            String kept = null;
            if (end - start <= TextCleaner.SHORT_LINE || hasUrl) {
                String line = t.substring(start, end);
                String cleaned = cleanLine(line, first, hasUrl);
                if (!cleaned.equals(line)) {
                    kept = cleaned;
                }
                first &= line.isBlank();
            } else {
                first = false;
            }
            if (kept != null && out == null) {
                out = new StringBuilder(t.length()).append(t, 0, start);
            }
            if (out != null) {
                if (kept != null) {
                    out.append(kept);
                } else {
                    out.append(t, start, end);
                }
                if (nl >= 0) {
                    out.append('\n');
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out == null ? t : out.toString();
    }

    private static int nextUrl(String t, int from) {
        int scheme = t.indexOf("://", from);
        int www = t.indexOf("www.", from);
        return scheme < 0 ? www : www < 0 ? scheme : Math.min(scheme, www);
    }

    private static String cleanLine(String line, boolean first, boolean hasUrl) {
        String s = line.strip();
        if (s.isEmpty()) {
            return line;
        }
        if (s.length() <= TextCleaner.SHORT_LINE) {
            char initial = TextCleaner.firstLetter(s);
            if ((hasUrl && URL_LINE.matcher(s).matches())
                    || (s.length() <= 80 && SHARE_INITIALS.indexOf(initial) >= 0 && SHARE_LINE.matcher(s).matches())
                    || (ReadMorePhrases.MORE_INITIALS.indexOf(initial) >= 0 && MORE_LINE.matcher(s).matches())
                    || (first && POSTED_BY.matcher(s).matches())) {
                return "";
            }
        }
        if (hasUrl) {
            int cut = hangingUrlStart(s);
            if (cut >= 0) {
                return s.substring(0, cut);
            }
        }
        return line;
    }

    /**
     * Where a URL hanging after the line's last sentence starts ("It shipped. https://…", "Details:
     * https://…", "Thanks! Source: https://…"), or -1. A URL inside a sentence ("see https://… for
     * details", "at https://…") is content and stays.
     */
    static int hangingUrlStart(String s) {
        int end = s.length();
        int tokenStart = s.lastIndexOf(' ') + 1;
        if (!startsWithUrl(s, tokenStart)) {
            return -1;
        }
        int k = tokenStart - 1; // the space before the URL, or -1
        int labelEnd = k;
        int labelStart = s.lastIndexOf(' ', k - 1) + 1;
        if (k > 0 && URL_LABELS.contains(s.substring(labelStart, labelEnd).toLowerCase(Locale.ROOT))) {
            k = labelStart - 1;
        }
        if (k < 0) {
            return end > 0 ? 0 : -1; // the line is only a URL (and maybe a label)
        }
        char before = s.charAt(k - 1 >= 0 ? k - 1 : 0);
        return k > 0 && ".!?…。！？:)]\"”’".indexOf(before) >= 0 ? k : -1;
    }

    private static boolean startsWithUrl(String s, int at) {
        return s.regionMatches(true, at, "http://", 0, 7) || s.regionMatches(true, at, "https://", 0, 8)
                || s.regionMatches(true, at, "www.", 0, 4);
    }
}
