package io.github.tldrbot.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Readability's scoring, for {@link ArticleTextExtractor}: every paragraph ({@code <p>}, {@code <pre>},
 * a text-only {@code <div>}) scores by its length and commas, and the score is credited to its parent
 * and, less, to the ancestors above, so the container holding most prose wins; containers named like
 * content ({@code article}, {@code main}, {@code itemprop=articleBody}, class "entry-content"…) start
 * higher, those named like comments or widgets lower.
 */
final class ContainerScores {

    /** Shorter text is no paragraph: a label, a date, a button. */
    static final int MIN_PARAGRAPH_CHARS = 25;

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile(
            "hidden|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain|taboola|promo|related|scroll"
                    + "|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "address", "article", "aside", "blockquote", "dl", "div", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul");

    private ContainerScores() {
    }

    /** Paragraph scores credited to their containers: full to the parent, half to the grandparent, a third above. */
    static Map<Element, Double> score(Element body, TextStats stats) {
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
                scores.computeIfAbsent(ancestor, ContainerScores::initialScore);
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
}
