package io.github.tldrbot.feed;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds text while visiting the DOM; breaks are buffered so none ends up doubled or trailing. An
 * anchor's text is what it appended between entering and leaving the {@code <a>}, so links cost no
 * second walk. Dropped elements ({@link #DROPPED}) are skipped, not removed, so the same DOM still
 * serves the image search. One instance per text; not thread-safe.
 */
final class HtmlTextCollector implements NodeFilter {

    /** Elements whose text is no part of the article: skipped with everything inside. */
    static final Set<String> DROPPED = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
            "head", "title", "form", "button", "select", "textarea");

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
            "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "figure", "figcaption", "hr", "address", "details", "summary", "center", "body");
    /** The text of a footnote reference: a number, a bracketed number, or a footnote sign. */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("\\s*(?:\\[?\\d{1,3}]?|[*†‡§])\\s*");
    /** Anchor texts longer than this are a whole paragraph wrapped in a link: cut, they still name it. */
    private static final int MAX_ANCHOR_TEXT = 200;

    private final StringBuilder out;
    private int pendingBreak; // 0 none, 1 line, 2 paragraph
    private boolean pendingSpace;
    private List<HtmlText.Anchor> anchors = List.of();
    private String anchorHref; // the open <a>'s href, or null
    private int anchorStart;

    /** @param capacity the input's length: text is rarely longer, so the buffer seldom grows */
    HtmlTextCollector(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /**
     * A footnote reference ("concept,¹" → "concept,"): a link within the page ({@code href="#…"})
     * or a superscript whose text is only a mark ({@code 1}, {@code [2]}, {@code *}, {@code †}), the
     * superscript only when linked or right after punctuation, so that an exponent ("mc²") stays.
     * Left in, the mark runs into the sentence ("concept,1 and … language.2.").
     */
    private boolean isFootnoteMark(Element el) {
        String tag = el.normalName();
        boolean anchor = tag.equals("a");
        if (!anchor && !tag.equals("sup")) {
            return false;
        }
        if (!FOOTNOTE_MARK.matcher(el.text()).matches()) {
            return false;
        }
        if (anchor) {
            return el.attr("href").startsWith("#");
        }
        Element parent = el.parent();
        boolean linked = parent != null && parent.normalName().equals("a") && parent.attr("href").startsWith("#")
                || el.selectFirst("a[href^=#]") != null;
        char before = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
        return linked || ",.;:!?)]\"'”’".indexOf(before) >= 0;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            append(text.getWholeText());
        } else if (node instanceof Element el) {
            String tag = el.normalName();
            if (DROPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY; // neither its text nor its tail break
            }
            if (isFootnoteMark(el)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                requestBreak(1);
            } else if (tag.equals("a")) {
                openAnchor(el);
            } else if (BLOCKS.contains(tag)) {
                requestBreak(2);
            } else if (tag.equals("img") && out.length() > 0) {
                pendingSpace = true;
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element el) {
            String tag = el.normalName();
            if (BLOCKS.contains(tag)) {
                requestBreak(2);
            } else if (anchorHref != null && tag.equals("a")) {
                closeAnchor();
            }
        }
        return FilterResult.CONTINUE;
    }

    private void openAnchor(Element a) {
        String href = a.attr("href");
        if (!href.isBlank()) {
            anchorHref = href;
            anchorStart = out.length();
        }
    }

    private void closeAnchor() {
        String text = oneLine(out, anchorStart);
        if (text.length() > MAX_ANCHOR_TEXT) {
            int end = MAX_ANCHOR_TEXT;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end).stripTrailing();
        }
        if (anchors.isEmpty()) {
            anchors = new ArrayList<>();
        }
        anchors.add(new HtmlText.Anchor(text, anchorHref));
        anchorHref = null;
    }

    List<HtmlText.Anchor> anchors() {
        return anchors;
    }

    /** {@code text[from..]} on one line: the collector's breaks become single spaces. */
    private static String oneLine(CharSequence text, int from) {
        StringBuilder b = new StringBuilder(text.length() - from);
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == ' ') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else {
                b.append(c);
            }
        }
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == ' ' ? b.substring(0, end - 1) : b.toString();
    }

    private void requestBreak(int kind) {
        if (out.length() > 0) {
            pendingBreak = Math.max(pendingBreak, kind);
        }
    }

    /** Appends a text node's text, whitespace collapsed, after any pending break or space. */
    void append(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (out.length() > 0) {
                    pendingSpace = true;
                }
                continue;
            }
            if (pendingBreak > 0) {
                out.append(pendingBreak == 2 ? "\n\n" : "\n");
            } else if (pendingSpace) {
                out.append(' ');
            }
            pendingBreak = 0;
            pendingSpace = false;
            if (c >= 0x80 && c <= 0x9f) {
                // C1 controls come from references like &#146;, which HTML reads as windows-1252
                out.append(FeedTextDecoder.demoronize(String.valueOf(c)));
            } else {
                out.append(c);
            }
        }
    }

    String result() {
        return out.toString();
    }

    /** Whitespace as the collector collapses it: Java's, plus the no-break and zero-width spaces. */
    static boolean isSpace(char c) {
        if (c < 0x80) { // what Character.isWhitespace accepts in ASCII, without its table lookup
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f'
                || c == '\u200b' || c == '\ufeff';
    }
}
