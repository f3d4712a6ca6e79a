package io.github.tldrbot.feed;

import io.github.tldrbot.text.Whitespace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main text of an article's web page: a compact readability-style extractor on jsoup
 * (the algorithm of Mozilla's Readability, reduced to the parts that decide the outcome on news and
 * blog pages). Why our own rather than Readability4J: docs/pipeline.md, "Full text of teaser feeds".
 *
 * <p>Steps: drop what is never article text (scripts, forms, {@code nav}/{@code aside}/{@code footer}/
 * {@code header}, figure captions, hidden elements, and elements whose class or id says comments,
 * sharing, related links, cookie banners, ads…); score every paragraph ({@code <p>}, {@code <pre>}, a text-only
 * {@code <div>}) by its length and commas and credit the score to its parent and, halved, to its
 * grandparent, so the container holding most prose wins; containers named like content
 * ({@code article}, {@code main}, {@code itemprop=articleBody}, class "entry-content"…) gain, those
 * named like comments or widgets lose, and every score shrinks with the share of link text. The
 * best container is taken with those of its siblings that score close to it (a lead paragraph kept
 * apart from the body), cleaned of link lists, and turned into text as {@link HtmlText} does: one
 * paragraph per block, {@code "\n\n"} between them.
 *
 * <p>When the page yields too little prose the class/id rule is dropped and the page tried again
 * (a site that names its article "comments-enabled" must not lose it); when that still yields too
 * little, the page's own description ({@code og:description}, {@code twitter:description},
 * {@code <meta name=description>}) is the text. Stateless and thread-safe; the document passed in
 * is modified.
 */
public final class ArticleTextExtractor {

    /** Below this many characters a pass is taken as having missed the article. */
    static final int MIN_ARTICLE_CHARS = 250;
    /** The text kept at most; the summarizers read far less (the extractive one 40,000 characters). */
    static final int MAX_CHARS = 60_000;
    private static final int MAX_LINKS = 100;
    private static final int MIN_PARAGRAPH_CHARS = 25;

    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, svg, math, "
            + "canvas, video, audio, form, button, select, textarea, input, dialog, nav, aside, footer, header, figcaption, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=dialog], [role=alertdialog]";
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    /** Class/id words of page furniture. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "comment|discuss|disqus|respond|reply|share|sharing|social|related|recommend|more-stories|most-read"
                    + "|popular|trending|sidebar|widget|newsletter|subscribe|signup|sign-up|cookie|consent|gdpr"
                    + "|banner|promo|sponsor|advert|(?<![a-z])ads?(?![a-z])|ad-slot|breadcrumb|pagination|pager"
                    + "|popup|modal|overlay|masthead|menu|navbar|footer|header|byline|author-bio|tags|taglist"
                    + "|skip-link|sr-only|screen-reader|visually-hidden|print-only|paywall|login|toolbar");
    /** …unless the same class/id also says content (Readability's "ok maybe it's a candidate"). */
    private static final Pattern MAYBE_CONTENT = Pattern.compile("article|body|content|main|story|entry|column");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile(
            "hidden|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain|taboola|promo|related|scroll"
                    + "|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "address", "article", "aside", "blockquote", "dl", "div", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul");

    private final HtmlText html;
    private final LinkResolver resolver = new LinkResolver();

    public ArticleTextExtractor() {
        this(new HtmlText());
    }

    ArticleTextExtractor(HtmlText html) {
        this.html = html;
    }

    /**
     * The main text of a parsed page and the links inside it, or empty when the page has no prose
     * and no description.
     *
     * @param page a parsed HTML document whose location is the page's URL (links are made absolute
     *             against it); this method removes elements from it
     */
    public Optional<PageText.Found> extract(Document page) {
        String description = description(page);
        page.select(NEVER_TEXT).remove();
        page.select("[style]").stream()
                .filter(e -> HIDDEN_STYLE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find())
                .toList().forEach(Element::remove);
        Element body = page.body();
        if (body == null) {
            return fromDescription(description);
        }
        // The second pass needs what the first one removes: removals are logged and undone (cheaper
        // than cloning the page for a pass that is rarely needed).
        Removals removals = new Removals();
        Optional<PageText.Found> found = bestOf(body, removals);
        if (found.isEmpty() || found.get().text().length() < MIN_ARTICLE_CHARS) {
            removals.undo();
            Optional<PageText.Found> loose = bestOf(body, null);
            if (loose.isPresent() && (found.isEmpty() || loose.get().text().length() > found.get().text().length())) {
                found = loose;
            }
        }
        if (found.isPresent() && found.get().text().length() >= MIN_ARTICLE_CHARS) {
            return found;
        }
        Optional<PageText.Found> described = fromDescription(description);
        if (described.isPresent() && (found.isEmpty() || described.get().text().length() > found.get().text().length())) {
            return described;
        }
        return found;
    }

    /** @param removals where removed elements are logged; null: keep the furniture (second pass) */
    private Optional<PageText.Found> bestOf(Element body, Removals removals) {
        Removals log = removals != null ? removals : new Removals();
        if (removals != null) {
            removeFurniture(body, log);
        }
        TextStats stats = TextStats.of(body);
        Map<Element, Double> scores = score(body, stats);
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
            double score = candidate.getValue() * (1 - stats.linkDensity(candidate.getKey()));
            candidate.setValue(score);
            if (score > best) {
                best = score;
                top = candidate.getKey();
            }
        }
        if (top == null) {
            return Optional.empty();
        }
        List<Element> parts = withSiblings(top, best, scores, stats);
        parts.forEach(part -> removeLinkLists(part, stats, log));
        return text(parts);
    }

    /** Removes, top-down, elements whose class or id names page furniture rather than content. */
    private static void removeFurniture(Element body, Removals removals) {
        List<Element> doomed = new ArrayList<>();
        collectFurniture(body, doomed);
        doomed.forEach(removals::remove);
    }

    /** Recursive: jsoup caps element depth at 512, so the stack stays small. */
    private static void collectFurniture(Element element, List<Element> doomed) {
        for (Element child : element.children()) {
            String tag = child.normalName();
            String names = (child.className() + " " + child.id()).toLowerCase(Locale.ROOT);
            boolean keep = tag.equals("article") || tag.equals("main") || tag.equals("a")
                    || child.attr("itemprop").equalsIgnoreCase("articleBody");
            if (!keep && names.length() > 1 && UNLIKELY.matcher(names).find() && !MAYBE_CONTENT.matcher(names).find()) {
                doomed.add(child); // its descendants go with it
            } else {
                collectFurniture(child, doomed);
            }
        }
    }

    /** Paragraph scores credited to their containers: full to the parent, half to the grandparent, a third above. */
    private static Map<Element, Double> score(Element body, TextStats stats) {
        // Insertion (document) order, so that a tie always goes to the same, earlier container;
        // jsoup elements are equal and hash by identity.
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element element : body.getAllElements()) {
            if (!isParagraph(element)) {
                continue;
            }
            int length = stats.length(element);
            if (length < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double points = 1 + stats.commas(element) + Math.min(3, length / 100);
            Element ancestor = element.parent();
            for (int level = 0; level < 3 && ancestor != null && ancestor != body.parent(); level++) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.computeIfAbsent(ancestor, ArticleTextExtractor::initialScore);
                scores.merge(ancestor, points * share, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        return scores;
    }

    private static boolean isParagraph(Element element) {
        String tag = element.normalName();
        if (tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote")) {
            return true;
        }
        // Some sites write prose straight into divs: a div without block children reads as a paragraph.
        if (tag.equals("div") || tag.equals("section")) {
            for (Element child : element.children()) {
                if (BLOCK_CHILDREN.contains(child.normalName())) {
                    return false;
                }
            }
            return element.childNodeSize() > 0;
        }
        return false;
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (element.normalName().equals("article") || element.normalName().equals("main")
                || element.attr("role").equals("main") || element.attr("itemprop").equalsIgnoreCase("articleBody")) {
            score += 25;
        }
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        if (names.length() > 1) {
            if (POSITIVE.matcher(names).find()) {
                score += 25;
            }
            if (NEGATIVE.matcher(names).find()) {
                score -= 25;
            }
        }
        return score;
    }

    /** The top container plus siblings that look like part of the same article, in document order. */
    private static List<Element> withSiblings(Element top, double topScore, Map<Element, Double> scores, TextStats stats) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            Double score = scores.get(sibling);
            if (score != null && score >= threshold) {
                parts.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                int length = stats.length(sibling);
                double links = stats.linkDensity(sibling);
                if (length >= 80 && links < 0.25
                        || length >= MIN_PARAGRAPH_CHARS && links == 0 && endsSentence(sibling.text())) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    /** Inside the chosen text, lists and boxes that are mostly links ("Read more: …") are furniture too. */
    private static void removeLinkLists(Element root, TextStats stats, Removals removals) {
        List<Element> doomed = new ArrayList<>();
        for (Element element : root.select("ul, ol, div, section, table, dl")) {
            if (element != root && stats.length(element) > 0 && stats.linkDensity(element) > 0.5
                    && stats.commas(element) < 10) {
                doomed.add(element);
            }
        }
        doomed.forEach(removals::remove);
    }

    private Optional<PageText.Found> text(List<Element> parts) {
        StringBuilder out = new StringBuilder();
        Set<ArticleLink> links = new LinkedHashSet<>();
        for (Element part : parts) {
            String text = html.textOf(part);
            if (text.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(text);
            // One base for the part: jsoup's absUrl looks it up through every ancestor, per link.
            String base = part.baseUri();
            for (Element a : part.select("a[href]")) {
                if (links.size() >= MAX_LINKS) {
                    break;
                }
                String href = resolver.resolve(a.attr("href"), base);
                if (href != null) {
                    links.add(new ArticleLink(html.collapse(a.text()), href));
                }
            }
        }
        if (out.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new PageText.Found(capped(out.toString()), List.copyOf(links)));
    }

    private Optional<PageText.Found> fromDescription(String description) {
        String text = html.collapse(description);
        return text.isEmpty() ? Optional.empty() : Optional.of(new PageText.Found(text, List.of()));
    }

    private static String description(Document page) {
        for (String query : List.of("meta[property=og:description]", "meta[name=twitter:description]",
                "meta[name=description]")) {
            Element meta = page.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content");
            }
        }
        return "";
    }

    /** Cut at the last paragraph break before the cap (else the last space): never mid-word. */
    private static String capped(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf("\n\n", MAX_CHARS);
        if (cut < MAX_CHARS / 2) {
            cut = text.lastIndexOf(' ', MAX_CHARS);
        }
        if (cut <= 0) {
            cut = MAX_CHARS;
        } else if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut).strip();
    }

    /**
     * Text length, link-text length and commas of every element under a root, gathered in one
     * traversal. Reading {@code text()} per element instead costs the size of the subtree each
     * time, which on a page of deeply nested boxes is quadratic (measured: 13 s for a 2 MB page of
     * 500 nested divs; linear with these counts).
     */
    private static final class TextStats implements NodeVisitor {
        private static final int LENGTH = 0;
        private static final int LINKED = 1;
        private static final int COMMAS = 2;

        private final Element root;
        private final Map<Element, int[]> counts = new IdentityHashMap<>();
        private int openLinks;

        private TextStats(Element root) {
            this.root = root;
        }

        static TextStats of(Element root) {
            TextStats stats = new TextStats(root);
            NodeTraversor.traverse(stats, root);
            return stats;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text && node.parent() instanceof Element parent) {
                String t = text.getWholeText();
                int length = Whitespace.collapsedLength(t);
                if (length > 0) {
                    int[] c = counts.computeIfAbsent(parent, k -> new int[3]);
                    c[LENGTH] += length;
                    c[LINKED] += openLinks > 0 ? length : 0;
                    c[COMMAS] += ArticleTextExtractor.commas(t);
                }
            } else if (node instanceof Element element && element.normalName().equals("a")) {
                openLinks++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.normalName().equals("a")) {
                openLinks--;
            }
            int[] own = counts.get(element);
            if (own != null && element != root && element.parent() != null) {
                int[] up = counts.computeIfAbsent(element.parent(), k -> new int[3]);
                up[LENGTH] += own[LENGTH];
                up[LINKED] += own[LINKED];
                up[COMMAS] += own[COMMAS];
            }
        }

        int length(Element element) {
            int[] c = counts.get(element);
            return c == null ? 0 : c[LENGTH];
        }

        int commas(Element element) {
            int[] c = counts.get(element);
            return c == null ? 0 : c[COMMAS];
        }

        /** Share of the element's text that sits inside links (0 when it has no text). */
        double linkDensity(Element element) {
            int[] c = counts.get(element);
            return c == null || c[LENGTH] == 0 ? 0 : Math.min(1, (double) c[LINKED] / c[LENGTH]);
        }
    }

    /** Elements taken out of the page, in order, so that they can be put back exactly. */
    private static final class Removals {
        private record Removal(Element element, Element parent, int index) {
        }

        private final List<Removal> done = new ArrayList<>();

        void remove(Element element) {
            Element parent = element.parent();
            if (parent == null) {
                return; // already out with an ancestor
            }
            done.add(new Removal(element, parent, element.siblingIndex()));
            element.remove();
        }

        void undo() {
            for (int i = done.size() - 1; i >= 0; i--) {
                Removal r = done.get(i);
                r.parent().insertChildren(r.index(), r.element());
            }
            done.clear();
        }
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private static boolean endsSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '。' || last == '"' || last == '”';
    }
}
