package io.github.tldrbot.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What of a page is never article text, for {@link ArticleTextExtractor}: scripts, forms, navigation,
 * asides, captions and hidden elements (always dropped); elements whose class or id says comments,
 * sharing, related links, cookie banners, ads… (dropped in the first pass only, since a site may name
 * its article "comments-enabled"); and, inside the chosen text, lists and boxes that are mostly links.
 */
final class PageFurniture {

    /** Elements that never hold article text, whatever they are named. */
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

    private PageFurniture() {
    }

    /** Removes what is never article text, whatever its class or id says. */
    static void removeNeverText(Document page) {
        page.select(NEVER_TEXT).remove();
        page.select("[style]").stream()
                .filter(e -> HIDDEN_STYLE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find())
                .toList().forEach(Element::remove);
    }

    /** Removes, top-down, elements whose class or id names page furniture rather than content. */
    static void removeNamedFurniture(Element body, Removals removals) {
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

    /** Inside the chosen text, lists and boxes that are mostly links ("Read more: …") are furniture too. */
    static void removeLinkLists(Element root, TextStats stats, Removals removals) {
        List<Element> doomed = new ArrayList<>();
        for (Element element : root.select("ul, ol, div, section, table, dl")) {
            if (element != root && stats.length(element) > 0 && stats.linkDensity(element) > 0.5
                    && stats.commas(element) < 10) {
                doomed.add(element);
            }
        }
        doomed.forEach(removals::remove);
    }
}
