package io.github.tldrbot.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one Rome entry (plus its raw JDOM element, when known) into an {@link Article} without id:
 * plain-text title/summary/body, absolute link and image, the body's links (absolute, de-duplicated, in
 * document order), and the facts {@link EntryFacts} reads (dates, author, categories). What
 * identifies the entry comes from {@link EntryKeys}, read before. This is the costly part of a
 * parse (every HTML body becomes a DOM), so a poller asks for it only for entries it does not hold.
 * Stateless apart from its collaborators, so it is thread-safe.
 */
final class EntryNormaliser {

    private static final Set<String> TITLE_NAMES = Set.of("title");
    private static final Set<String> SUMMARY_NAMES = Set.of("summary", "description", "subtitle", "fullitem");
    /** Body links kept per article: enough for any action a card points to, bounded for link-farm bodies. */
    static final int MAX_LINKS = 50;

    private final HtmlText html;
    private final LinkResolver links;
    private final EntryFacts facts;
    private final ArticleImageFinder images;

    EntryNormaliser(HtmlText html, LinkResolver links, EntryFacts facts) {
        this.html = html;
        this.links = links;
        this.facts = facts;
        this.images = new ArticleImageFinder(html, links);
    }

    /**
     * @param element  the entry's XML element, or null when it could not be matched
     * @param key      the entry's guid, link and xml:base ({@link EntryKeys#of})
     * @param feedLink the feed's absolute link, or null
     * @param baseUrl  where the feed was read from
     */
    Article normalise(SyndEntry entry, Element element, EntryKeys.Key key, String feedLink, String baseUrl) {
        String xmlBase = key.xmlBase();
        String link = key.link();

        // each HTML body is parsed once, for its text and (when no better image exists) its first <img>
        String imageBase = ArticleImageFinder.imageBase(xmlBase, link, feedLink, baseUrl);
        HtmlText.Fragment descriptionHtml = fragment(entry.getDescription(), imageBase);
        String descriptionText = text(entry.getDescription(), descriptionHtml);
        String bestContentText = "";
        HtmlText.Fragment bestContentHtml = new HtmlText.Fragment(null, imageBase);
        for (SyndContent content : entry.getContents()) {
            HtmlText.Fragment contentHtml = fragment(content, imageBase);
            String t = text(content, contentHtml);
            if (t.length() > bestContentText.length()) {
                bestContentText = t;
                bestContentHtml = contentHtml;
            }
        }
        String summary = !descriptionText.isEmpty() ? descriptionText : bestContentText;
        boolean contentIsBody = bestContentText.length() >= descriptionText.length();
        String contentText = contentIsBody ? bestContentText : descriptionText;
        HtmlText.Fragment bodyHtml = contentIsBody ? bestContentHtml : descriptionHtml;

        String image = images.find(entry, element, xmlBase, link, feedLink, baseUrl, bestContentHtml, descriptionHtml);

        if (summary.isEmpty()) {
            HtmlText.Fragment rawHtml = new HtmlText.Fragment(EntryFacts.rawText(element, SUMMARY_NAMES), imageBase);
            summary = html.textOf(rawHtml);
            if (contentText.isEmpty()) {
                contentText = summary;
                bodyHtml = rawHtml;
            }
        }
        String title = title(entry);
        if (title == null) {
            title = emptyToNull(html.toLine(EntryFacts.rawText(element, TITLE_NAMES)));
        }
        return new Article(null, key.guid(), title, link, facts.published(entry, element), facts.updated(entry, element),
                facts.author(entry, element), facts.categories(entry, element), emptyToNull(summary),
                emptyToNull(contentText), image, null, bodyLinks(bodyHtml, xmlBase, link, feedLink, baseUrl));
    }

    /**
     * The anchors of the body the article's text came from, resolved like every other link (absolute
     * http(s) only), first occurrence of each URL kept (with the first non-empty text), at most
     * {@value #MAX_LINKS}. In-page anchors ({@code href="#fn1"}: footnotes, tables of contents) point
     * nowhere new and are skipped.
     */
    private List<ArticleLink> bodyLinks(HtmlText.Fragment body, String xmlBase, String link, String feedLink,
                                        String baseUrl) {
        List<HtmlText.Anchor> anchors = html.anchorsOf(body);
        if (anchors.isEmpty()) {
            return List.of();
        }
        Map<String, ArticleLink> unique = new LinkedHashMap<>();
        for (HtmlText.Anchor anchor : anchors) {
            String href = anchor.href().strip();
            if (href.startsWith("#")) {
                continue;
            }
            String url = links.resolve(href, xmlBase, link, feedLink, baseUrl);
            if (url == null) {
                continue;
            }
            ArticleLink seen = unique.get(url);
            if (seen == null && unique.size() == MAX_LINKS) {
                break;
            }
            if (seen == null || (seen.text().isEmpty() && !anchor.text().isEmpty())) {
                unique.put(url, new ArticleLink(anchor.text(), url));
            }
        }
        return List.copyOf(unique.values());
    }

    private String title(SyndEntry entry) {
        SyndContent ex = entry.getTitleEx();
        String raw = ex != null && ex.getValue() != null ? ex.getValue() : entry.getTitle();
        String type = ex == null ? null : ex.getType();
        String t = isPlainType(type) ? html.collapse(raw) : html.toLine(raw);
        return emptyToNull(t);
    }

    private static HtmlText.Fragment fragment(SyndContent content, String baseUrl) {
        return new HtmlText.Fragment(content == null ? null : content.getValue(), baseUrl);
    }

    private String text(SyndContent content, HtmlText.Fragment html) {
        if (content == null || content.getValue() == null) {
            return "";
        }
        // Only Atom's explicit type="text" is literal. Rome labels every RSS description
        // "text/plain", but RSS descriptions carry entity-encoded HTML by convention (RSS 2.0
        // spec; slashdot, RDF journals), so those go through the HTML path like feedparser does.
        if ("text".equals(content.getType())) {
            return content.getValue().strip().replaceAll("[ \\t\\x0B\\f\\r\\u00a0]+", " ")
                    .replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n");
        }
        return this.html.textOf(html);
    }

    private static boolean isPlainType(String type) {
        return type != null && (type.equals("text") || type.equals("text/plain"));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
