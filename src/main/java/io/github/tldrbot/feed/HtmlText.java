package io.github.tldrbot.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns feed HTML into the plain text cards and summarizers work on (SPEC §4.2): tags dropped,
 * entities decoded, scripts and styles removed, whitespace collapsed. Block elements become
 * paragraph breaks ({@code "\n\n"}) and {@code <br>} a line break, so a sentence splitter still
 * sees where one paragraph or list item ends and the next begins. The same walk collects the body's
 * links ({@code <a href>} with their text) for {@link EntryNormaliser}. Stateless and thread-safe.
 */
public final class HtmlText {

    private static final Set<String> DROPPED = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
            "head", "title", "form", "button", "select", "textarea");

    private static final Evaluator IMG_WITH_SRC = QueryParser.parse("img[src]");
    /** The text of a footnote reference: a number, a bracketed number, or a footnote sign. */
    private static final java.util.regex.Pattern FOOTNOTE_MARK =
            java.util.regex.Pattern.compile("\\s*(?:\\[?\\d{1,3}]?|[*†‡§])\\s*");
    /** Anchor texts longer than this are a whole paragraph wrapped in a link: cut, they still name it. */
    private static final int MAX_ANCHOR_TEXT = 200;

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
            "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "figure", "figcaption", "hr", "address", "details", "summary", "center", "body");

    /**
     * Plain text with paragraph breaks kept; null or blank input gives "".
     *
     * @param html an HTML fragment (or plain text, which passes through with entities decoded)
     */
    public String toText(String html) {
        return textOf(new Fragment(html, null));
    }

    /** {@link #toText(String)} of a fragment that may also be searched for images: parsed at most once. */
    String textOf(Fragment fragment) {
        String html = fragment.html;
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapseKeepingBreaks(html); // plain text: no need to build a DOM
        }
        TextCollector collector = new TextCollector(html.length());
        // dropped elements are skipped, not removed, so the same DOM still serves findFirstImage
        NodeTraversor.filter(collector, fragment.document().body());
        fragment.anchors = collector.anchors();
        return decodeLeftoverNumericReferences(collector.result());
    }

    /**
     * {@link #toText(String)} of one element of an already parsed page (the main text of an article
     * page), without serialising and parsing it again. Dropped elements are skipped as in fragments.
     */
    String textOf(Element root) {
        TextCollector collector = new TextCollector(1024);
        NodeTraversor.filter(collector, root);
        return collector.result();
    }

    /**
     * The {@code <a href>} anchors of a fragment in document order, as written (href not resolved,
     * text plain and collapsed), skipping those inside dropped elements. Known once {@link #textOf}
     * has read the fragment as HTML; empty before, and for plain text.
     */
    List<Anchor> anchorsOf(Fragment fragment) {
        return fragment.anchors;
    }

    /** One anchor of a body: its plain text (may be empty) and its href as written. */
    record Anchor(String text, String href) {
    }

    /**
     * An HTML fragment and the base its relative URLs resolve against, parsed on first use only: an
     * entry's description feeds both its text and its image search, and parsing is the costly part.
     * Not thread-safe; meant for one entry's normalisation.
     */
    static final class Fragment {
        private final String html;
        private final String baseUrl;
        private Document document;
        private List<Anchor> anchors = List.of();

        Fragment(String html, String baseUrl) {
            this.html = html;
            this.baseUrl = baseUrl;
        }

        private Document document() {
            if (document == null) {
                document = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
            }
            return document;
        }
    }

    private static final java.util.regex.Pattern NUMERIC_REFERENCE =
            java.util.regex.Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));");

    /**
     * Double-escaped feeds ({@code &amp;#233;}) leave numeric references in the decoded text. A
     * reader never means those literally, so they are decoded once more; named ones ({@code &amp;})
     * are left alone because they can be meant as text (an article about HTML).
     */
    static String decodeLeftoverNumericReferences(String text) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        java.util.regex.Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            boolean valid = Character.isValidCodePoint(cp) && cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(valid ? new String(Character.toChars(cp)) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whitespace collapsed as {@link TextCollector} does for text nodes: plain text has no paragraph markup. */
    private static String collapseKeepingBreaks(String text) {
        TextCollector collector = new TextCollector(text.length());
        collector.append(text);
        return collector.result();
    }

    /** Plain text on one line: {@link #toText} with every break collapsed to a space. */
    public String toLine(String html) {
        return collapse(toText(html));
    }

    /** Collapses every run of whitespace (including non-breaking spaces) to one space and trims. */
    public String collapse(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The first {@code <img src>} of the fragment that resolves to an absolute http(s) URL.
     *
     * @param baseUrl what relative sources are resolved against; may be null
     */
    public Optional<String> findFirstImage(String html, String baseUrl) {
        return firstImageOf(new Fragment(html, baseUrl));
    }

    /** {@link #findFirstImage(String, String)} of a fragment whose DOM may already be built. */
    Optional<String> firstImageOf(Fragment fragment) {
        String html = fragment.html;
        if (html == null || html.isBlank() || !html.contains("<")) {
            return Optional.empty();
        }
        for (Element img : fragment.document().select(IMG_WITH_SRC)) {
            if (isTrackingPixel(img)) {
                continue;
            }
            String abs = img.absUrl("src");
            if (abs.isEmpty()) {
                abs = img.attr("src").trim();
            }
            String lower = abs.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return Optional.of(abs);
            }
        }
        return Optional.empty();
    }

    /** 1×1 pixels and FeedBurner flare/tracking images say nothing about the article. */
    private static boolean isTrackingPixel(Element img) {
        String src = img.attr("src");
        if (src.contains("feeds.feedburner.com/~") || src.contains("feedsportal.com/") || src.contains("/~ff/")) {
            return true;
        }
        return isTiny(img.attr("width")) || isTiny(img.attr("height"));
    }

    private static boolean isTiny(String dimension) {
        String digits = dimension.strip().replace("px", "");
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 3
                && Integer.parseInt(digits) <= 2;
    }

    private static boolean isSpace(char c) {
        if (c < 0x80) { // what Character.isWhitespace accepts in ASCII, without its table lookup
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f'
                || c == '\u200b' || c == '\ufeff';
    }

    /**
     * Builds text while visiting the DOM; breaks are buffered so none ends up doubled or trailing. An
     * anchor's text is what it appended between entering and leaving the {@code <a>}, so links cost no
     * second walk.
     */
    private static final class TextCollector implements NodeFilter {
        private final StringBuilder out;
        private int pendingBreak; // 0 none, 1 line, 2 paragraph
        private boolean pendingSpace;
        private List<Anchor> anchors = List.of();
        private String anchorHref; // the open <a>'s href, or null
        private int anchorStart;

        /** @param capacity the input's length: text is rarely longer, so the buffer seldom grows */
        TextCollector(int capacity) {
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
            anchors.add(new Anchor(text, anchorHref));
            anchorHref = null;
        }

        List<Anchor> anchors() {
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

        private void append(String text) {
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
    }
}
