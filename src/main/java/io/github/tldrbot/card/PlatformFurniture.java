package io.github.tldrbot.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The furniture that feed platforms write into a body, for {@link TextCleaner}: reddit's "submitted
 * by … [link] [comments]", Hacker News feeds' "Article URL: … Comments URL: … Points: …", Craigslist's
 * labels (and whole sentences around its hidden contact), WordPress's "The post X appeared first on Y."
 * in seven languages, and markdown bold markers typed into plain text.
 */
final class PlatformFurniture {

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
    /** Platform furniture sits in the first or last this many chars of a body (footers, Craigslist's header). */
    private static final int FURNITURE_WINDOW = 1500;

    private PlatformFurniture() {
    }

    /** {@code text} without the platforms' furniture; everything else as it was. */
    static String strip(String text) {
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
        return t;
    }

    private static boolean mayHaveWordPressFooter(String t) {
        return t.contains("appeared first") || t.contains("first appeared") || t.contains("apparu en premier") || t.contains("erschien zuerst")
                || t.contains("publicó primero") || t.contains("apareceu primeiro") || t.contains("proviene da")
                || t.contains("verscheen eerst");
    }

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
}
