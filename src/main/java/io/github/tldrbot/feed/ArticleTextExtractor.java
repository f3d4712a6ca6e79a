package io.github.tldrbot.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
        PageFurniture.removeNeverText(page);
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
            PageFurniture.removeNamedFurniture(body, log);
        }
        TextStats stats = TextStats.of(body);
        Map<Element, Double> scores = ContainerScores.score(body, stats);
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
        parts.forEach(part -> PageFurniture.removeLinkLists(part, stats, log));
        return text(parts);
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
                        || length >= ContainerScores.MIN_PARAGRAPH_CHARS && links == 0 && endsSentence(sibling.text())) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
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

    private static boolean endsSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '。' || last == '"' || last == '”';
    }
}
