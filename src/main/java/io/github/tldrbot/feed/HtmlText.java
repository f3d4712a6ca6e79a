package io.github.tldrbot.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns feed HTML into the plain text cards and summarizers work on (SPEC §4.2): tags dropped,
 * entities decoded, scripts and styles removed, whitespace collapsed. Block elements become
 * paragraph breaks ({@code "\n\n"}) and {@code <br>} a line break, so a sentence splitter still
 * sees where one paragraph or list item ends and the next begins. The same walk ({@link
 * HtmlTextCollector}) collects the body's links ({@code <a href>} with their text) for {@link
 * EntryNormaliser}; the first image comes from {@link HtmlImages}. Stateless and thread-safe.
 */
public final class HtmlText {

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));");

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
        HtmlTextCollector collector = new HtmlTextCollector(html.length());
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
        HtmlTextCollector collector = new HtmlTextCollector(1024);
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

    /**
     * Double-escaped feeds ({@code &amp;#233;}) leave numeric references in the decoded text. A
     * reader never means those literally, so they are decoded once more; named ones ({@code &amp;})
     * are left alone because they can be meant as text (an article about HTML).
     */
    static String decodeLeftoverNumericReferences(String text) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            boolean valid = Character.isValidCodePoint(cp) && cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF);
            m.appendReplacement(out, Matcher.quoteReplacement(valid ? new String(Character.toChars(cp)) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whitespace collapsed as {@link HtmlTextCollector} does for text nodes: plain text has no paragraph markup. */
    private static String collapseKeepingBreaks(String text) {
        HtmlTextCollector collector = new HtmlTextCollector(text.length());
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
            if (HtmlTextCollector.isSpace(c)) {
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
     * The first {@code <img src>} of the fragment that resolves to an absolute http(s) URL, skipping
     * tracking pixels ({@link HtmlImages}).
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
        return HtmlImages.firstImage(fragment.document());
    }
}
