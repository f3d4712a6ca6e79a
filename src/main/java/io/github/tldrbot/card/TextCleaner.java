package io.github.tldrbot.card;

import java.util.Locale;
import java.util.Set;
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
 * so text without furniture costs one lower-casing and a few searches. Stateless and thread-safe.
 */
final class TextCleaner {

    private static final Pattern REDDIT = Pattern.compile(
            "(?i)[ \\t]*\\bsubmitted\\s+by\\s+(?:/?u/)?[\\w-]{1,40}(?:\\s+to\\s+(?:/?r/)?[\\w-]{1,40})?"
            + "\\s*(?:\\[link\\]\\s*)?(?:\\[(?:\\d+\\s*)?comments?\\])?(?=\\s*(?:\\n|$))"
            + "|\\[link\\]\\s*\\[(?:\\d+\\s*)?comments?\\]");
    private static final Pattern HACKER_NEWS = Pattern.compile(
            "(?i)(?:Article URL|Comments URL):\\s*\\S*|Points:\\s*\\d+|#\\s*Comments:\\s*\\d+");
    private static final Pattern CRAIGSLIST = Pattern.compile(
            "(?i)\\bQR Code Link to This Post\\b|\\bshow contact info\\b"
            + "|\\bdo NOT contact me with unsolicited services or offers\\b");
    /**
     * "Call Ann at show contact info to book": the phrase stands for a hidden number, so the sentence
     * around it has a hole and goes whole; the phrase on its own is just a label.
     */
    private static final Pattern CRAIGSLIST_HIDDEN_CONTACT = Pattern.compile(
            "(?i)\\b(?:at|call|text|email|e-mail|phone|contact|reach|to)\\s+show contact info\\b");
    private static final Pattern WORDPRESS = Pattern.compile(
            "(?i)\\b(?:The post|L[’']article|Der Beitrag|La entrada|O post|L[’']articolo|Het bericht)\\s[^\\n]{1,300}?\\s"
            + "(?:appeared first on|first appeared on|est apparu en premier sur|erschien zuerst auf|se publicó primero en"
            + "|apareceu primeiro em|proviene da|verscheen eerst op)\\s[^\\n]{1,200}");
    /**
     * Markdown bold markers typed into a plain-text body (reddit self-posts: "**Edit:** …"): a run of
     * two or more asterisks at a word's edge. Between digits or letters ("2**10") they are kept, and
     * underscores are left alone ("__init__").
     */
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile(
            "(?<![\\p{L}\\p{N}*])\\*\\*+(?=\\S)|(?<=\\S)\\*\\*+(?![\\p{L}\\p{N}*])|(?<!\\S)\\*\\*+(?!\\S)");

    /** Phrases that point to the rest of the article instead of saying something. */
    private static final String MORE = "(?:read more|read the (?:full|rest of the) (?:story|article|post)|read full (?:story|article|post)"
            + "|continue reading|keep reading|more\\s*[»›>→]|weiterlesen|mehr lesen|lire la suite|en savoir plus|leer más"
            + "|seguir leyendo|leia mais|continuar lendo|continua a leggere|leggi tutto|lees verder|читать далее"
            + "|читать полностью|подробнее|続きを読む|阅读全文|lue lisää|läs mer|læs mere|les mer|czytaj więcej|číst dál"
            + "|devamını oku)";
    /**
     * A pointer that ends the text; {@link #trailingMoreStart} tries it only where one can start: at the
     * line's start or after a sentence's end or a separator.
     */
    private static final Pattern TRAILING_MORE = Pattern.compile(
            "(?iu)[\\s(\\[]*" + MORE + "(?![\\p{L}\\p{N}])[\\s.…:»›→>)\\]]*[^.!?。\\n]{0,120}");
    /** What may stand just before a trailing pointer. */
    private static final String BEFORE_MORE = ".!?…。！？:|·•-–—([>»\"”";
    private static final Pattern MORE_LINE = Pattern.compile(
            "(?iu)^[\\s\\p{P}\\p{S}]*" + MORE + "(?![\\p{L}\\p{N}])[\\s.…:»›→>)\\]]*[^.!?。]{0,120}$");
    /** First letters of the {@link #MORE} phrases and of the share words, in lower case. */
    private static final String MORE_INITIALS = "rckmwlesdqčчп続阅";
    private static final String SHARE_INITIALS = "stlepfxrwmbaqcоп";
    /** Words of a share bar: a line made only of these is furniture. */
    private static final Pattern SHARE_LINE = Pattern.compile(
            "(?iu)^(?:[\\s\\p{P}\\p{S}]*(?:share(?: this| on| via| to)?|tweet(?: this)?|like this|like loading|loading"
            + "|email|e-mail|print|pin it|pinterest|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|tumblr|pocket"
            + "|mastodon|bluesky|threads|flipboard|teilen|partager|compartir|compartilhar|condividi|поделиться"
            + "|more|mehr|plus)[\\s\\p{P}\\p{S}]*)+$");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"“”]+", Pattern.CASE_INSENSITIVE);
    /** Labels that may stand between a sentence's end and a URL hanging after it. */
    private static final Set<String> URL_LABELS = Set.of("source:", "source", "via", "link:", "link", "more:",
            "details:", "quelle:", "source :");
    private static final Pattern URL_LINE = Pattern.compile(
            "(?i)^[\\s\\p{P}\\p{S}]*(?:(?:source|via|link|quelle)\\s*:?\\s*)?(?:https?://|www\\.)[^\\s<>\"“”]+[\\s\\p{P}\\p{S}]*$");
    /**
     * "- Jane Roe, …", "— The Widget Team", "-- Jane Roe on behalf of the Widget Team.": a dash, then a
     * capitalised name, then no sentence end (a dashed list item usually has one).
     */
    private static final Pattern DASH_SIGNATURE = Pattern.compile(
            "^[-–—~]{1,2}\\s*\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]*[^\\n.!?]{0,100}(?:Team\\.)?$");
    private static final String TEAM = "(?:Team|Staff|Crew|Editors|Redaktion|équipe|Equipo|Equipe)";
    /** "Jane Roe, Widget API Team" (a name, a comma, a team) or "The Widget Team" (a team alone). */
    private static final Pattern TEAM_SIGNATURE = Pattern.compile(
            "^\\p{Lu}[\\p{L}.’' -]{1,60},\\s*\\p{Lu}[^\\n.!?]{0,80}\\s" + TEAM + "\\.?$"
            + "|^(?:The\\s+)?\\p{Lu}[\\p{L}\\p{N}&’'-]*(?:\\s+[\\p{L}\\p{N}&’'-]+){0,3}\\s" + TEAM + "$");
    /** "By Jane Roe", "Posted by Jane Roe in Paris, 2024-01-08.": a name, then at most a place and a date or role. */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:(?:Posted|Written|Published) by|By)\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]+"
            + "(?:\\s+in\\s+[^\\n,]{1,60})?(?:,\\s*[^\\n]{1,60})?\\.?$");
    private static final Pattern POSTED_BY = Pattern.compile("(?i)^(?:posted|written|published) by\\s[^\\n]{1,120}$");
    /** A signature run into the last paragraph: "… for your feedback. - Jane Roe, Widget API Team". */
    private static final Pattern INLINE_SIGNATURE = Pattern.compile(
            "[-–—]{1,2}\\s*\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}\\.)*\\s+\\p{Lu}[\\p{L}’'-]+[^\\n.!?]{0,80}\\.?");
    /** How far from the end a trailing pointer or run-in signature may start. */
    private static final int TAIL = 200;
    private static final int SHORT_LINE = 160;
    /** Platform furniture sits in the first or last this many chars of a body (footers, Craigslist's header). */
    private static final int FURNITURE_WINDOW = 1500;

    /**
     * {@code text} without each sentence that holds a {@link #CRAIGSLIST_HIDDEN_CONTACT}: found first,
     * then widened to its sentence by hand (a regex that matched the sentence around it would retry
     * from every character, quadratic on long texts).
     */
    private static String withoutHiddenContactSentences(String text) {
        Matcher m = CRAIGSLIST_HIDDEN_CONTACT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (m.find()) {
            int start = m.start();
            while (start > copied && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
                start--;
            }
            int end = m.end();
            while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end < text.length() && text.charAt(end) != '\n') {
                end++; // the sentence's own full stop goes with it
            }
            out.append(text, copied, start);
            copied = end;
            m.region(end, text.length());
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** {@code text} without furniture; line breaks kept, blank lines collapsed, trimmed. */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // furniture is written by software, in fixed case, at the start or end of a body: exact searches
        // there rule most texts out cheaply
        String t = text;
        String ends = t.length() <= 2 * FURNITURE_WINDOW ? t
                : t.substring(0, FURNITURE_WINDOW) + "\n" + t.substring(t.length() - FURNITURE_WINDOW);
        if (ends.contains("submitted by") || ends.contains("[link]")) {
            t = REDDIT.matcher(t).replaceAll("");
        }
        if (ends.contains("Comments URL:") || ends.contains("Article URL:")) {
            t = HACKER_NEWS.matcher(t).replaceAll("");
        }
        if (ends.contains("QR Code Link") || ends.contains("contact info") || ends.contains("unsolicited services")) {
            t = CRAIGSLIST.matcher(withoutHiddenContactSentences(t)).replaceAll("");
        }
        if (mayHaveWordPressFooter(ends)) {
            t = WORDPRESS.matcher(t).replaceAll("");
        }
        if (t.contains("**")) {
            t = MARKDOWN_EMPHASIS.matcher(t).replaceAll("");
        }
        t = cleanLines(t);
        return stripTail(t);
    }

    private static boolean mayHaveWordPressFooter(String t) {
        return t.contains("appeared first") || t.contains("first appeared") || t.contains("apparu en premier") || t.contains("erschien zuerst")
                || t.contains("publicó primero") || t.contains("apareceu primeiro") || t.contains("proviene da")
                || t.contains("verscheen eerst");
    }

    /**
     * Drops whole lines of furniture and URLs hanging after a line's last sentence. Only short lines
     * and lines with a URL are looked at; the text is copied only once a line changes.
     */
    private static String cleanLines(String t) {
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
            if (end - start <= SHORT_LINE || hasUrl) {
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
        if (s.length() <= SHORT_LINE) {
            char initial = firstLetter(s);
            if ((hasUrl && URL_LINE.matcher(s).matches())
                    || (s.length() <= 80 && SHARE_INITIALS.indexOf(initial) >= 0 && SHARE_LINE.matcher(s).matches())
                    || (MORE_INITIALS.indexOf(initial) >= 0 && MORE_LINE.matcher(s).matches())
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

    /** Removes "Read more …" and signatures from the end, repeatedly: "Thanks! - Jane Roe\nShare this:" */
    private static String stripTail(String text) {
        String t = text.strip();
        for (int round = 0; round < 4 && !t.isEmpty(); round++) {
            int lineStart = t.lastIndexOf('\n') + 1;
            String last = t.substring(lineStart).strip();
            String cut = t;
            if (last.length() <= SHORT_LINE && isSignature(last)) {
                cut = t.substring(0, lineStart);
            } else {
                int from = Math.max(lineStart, t.length() - TAIL);
                int more = trailingMoreStart(t, lineStart, from);
                int signature = more >= 0 ? -1 : inlineSignatureStart(t, from);
                if (more >= 0) {
                    cut = t.substring(0, more);
                } else if (signature >= 0) {
                    cut = t.substring(0, signature);
                }
            }
            cut = cut.strip();
            if (cut.equals(t)) {
                break;
            }
            t = cut;
        }
        return t.contains("\n\n\n") ? t.replaceAll("\\n{3,}", "\n\n") : t;
    }

    /**
     * Where a "Read more …" that runs to the end of the text starts, or -1. Tried only at the few places
     * a pointer can start (the line's start, after a sentence's end or a separator), not at every char.
     */
    private static int trailingMoreStart(String t, int lineStart, int from) {
        for (int k = from; k < t.length(); k++) {
            boolean candidate = k == lineStart || (BEFORE_MORE.indexOf(t.charAt(k - 1)) >= 0
                    && BEFORE_MORE.indexOf(t.charAt(k)) < 0);
            if (candidate && TRAILING_MORE.matcher(t).region(k, t.length()).matches()) {
                return k;
            }
        }
        return -1;
    }

    /** Where "… for your feedback. - Jane Roe, Widget API Team" leaves the sentence, or -1. */
    private static int inlineSignatureStart(String t, int from) {
        for (int k = Math.max(from, 2); k < t.length(); k++) {
            char c = t.charAt(k);
            if ((c == '-' || c == '–' || c == '—') && Character.isWhitespace(t.charAt(k - 1))) {
                int s = k - 1;
                while (s > 0 && Character.isWhitespace(t.charAt(s - 1))) {
                    s--;
                }
                if (s > 0 && ".!?".indexOf(t.charAt(s - 1)) >= 0
                        && INLINE_SIGNATURE.matcher(t).region(k, t.length()).matches()) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean isSignature(String line) {
        return DASH_SIGNATURE.matcher(line).matches() || TEAM_SIGNATURE.matcher(line).matches()
                || BYLINE.matcher(line).matches();
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
