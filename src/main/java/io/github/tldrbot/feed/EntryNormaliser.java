package io.github.tldrbot.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one Rome entry (plus its raw JDOM element, when known) into an {@link Article} without id:
 * plain-text title/summary/body, absolute link and image, the body's links (absolute, de-duplicated, in
 * document order), dates with a fallback for the forms Rome does not read, trimmed de-duplicated
 * categories. Stateless apart from its collaborators, so it is
 * thread-safe.
 */
final class EntryNormaliser {

    private static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Set<String> PUBLISHED_NAMES = Set.of("pubDate", "published", "issued", "date", "created");
    private static final Set<String> TITLE_NAMES = Set.of("title");
    private static final Set<String> SUMMARY_NAMES = Set.of("summary", "description", "subtitle", "fullitem");
    private static final Set<String> AUTHOR_NAMES = Set.of("author", "creator");
    private static final Set<String> UPDATED_NAMES = Set.of("updated", "modified", "lastmod", "lastBuildDate");
    /** Body links kept per article: enough for any action a card points to, bounded for link-farm bodies. */
    static final int MAX_LINKS = 50;

    private final HtmlText html;
    private final LinkResolver links;
    private final FeedDateParser dates;
    private final ArticleImageFinder images;

    EntryNormaliser(HtmlText html, LinkResolver links, FeedDateParser dates) {
        this.html = html;
        this.links = links;
        this.dates = dates;
        this.images = new ArticleImageFinder(html, links);
    }

    /**
     * @param element  the entry's XML element, or null when it could not be matched
     * @param feedLink the feed's absolute link, or null
     * @param baseUrl  where the feed was read from
     */
    Article normalise(SyndEntry entry, Element element, String feedLink, String baseUrl) {
        String xmlBase = links.resolve(xmlBaseOf(element), baseUrl);
        String link = links.resolve(entry.getLink(), xmlBase, feedLink, baseUrl);
        if (link == null) {
            link = firstAlternateLink(entry, xmlBase, feedLink, baseUrl);
        }

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
            HtmlText.Fragment rawHtml = new HtmlText.Fragment(rawText(element, SUMMARY_NAMES), imageBase);
            summary = html.textOf(rawHtml);
            if (contentText.isEmpty()) {
                contentText = summary;
                bodyHtml = rawHtml;
            }
        }
        String title = title(entry);
        if (title == null) {
            title = emptyToNull(html.toLine(rawText(element, TITLE_NAMES)));
        }
        return new Article(null, guidOf(entry, element), title, link,
                date(entry.getPublishedDate(), element, PUBLISHED_NAMES),
                date(entry.getUpdatedDate(), element, UPDATED_NAMES),
                author(entry, element), categories(entry, element), emptyToNull(summary), emptyToNull(contentText), image,
                null, bodyLinks(bodyHtml, xmlBase, link, feedLink, baseUrl));
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

    /** The guid as written: RSS guid, Atom id, RDF about; never Rome's fallback to the link. */
    private static String guidOf(SyndEntry entry, Element element) {
        Object wire = entry.getWireEntry();
        String guid = null;
        if (wire instanceof Item item) {
            if (item.getGuid() != null) {
                guid = item.getGuid().getValue();
            } else if (element != null) {
                guid = element.getAttributeValue("about", RDF);
            }
        } else if (wire instanceof Entry atom) {
            guid = atom.getId();
        } else {
            guid = entry.getUri();
        }
        return guid == null || guid.isBlank() ? null : guid.strip();
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

    /**
     * Text of the first child with one of the local names, in any namespace: what Rome's model
     * drops from modules it does not map (dc:title, media:title, itunes:summary, dc:author, …).
     */
    private static String rawText(Element element, Set<String> names) {
        if (element == null) {
            return null;
        }
        for (Element child : element.getChildren()) {
            if (names.contains(child.getName()) && !child.getTextTrim().isEmpty()) {
                return child.getText();
            }
        }
        return null;
    }

    private String author(SyndEntry entry, Element element) {
        String author = entry.getAuthor();
        if (author == null || author.isBlank()) {
            List<String> names = new ArrayList<>();
            for (SyndPerson p : entry.getAuthors()) {
                if (p.getName() != null && !p.getName().isBlank()) {
                    names.add(p.getName());
                }
            }
            author = String.join(", ", names);
        }
        if (author.isBlank()) {
            author = rawText(element, AUTHOR_NAMES);
        }
        return emptyToNull(html.toLine(author));
    }

    private List<String> categories(SyndEntry entry, Element element) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (SyndCategory c : entry.getCategories()) {
            String name = html.toLine(c.getName());
            if (!name.isEmpty()) {
                unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                String name = html.toLine(subject.getValue());
                if (!name.isEmpty()) {
                    unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        if (element != null) {
            // itunes:category (text attribute, possibly nested) and media:category, which Rome leaves out
            for (Element child : element.getDescendants(new org.jdom2.filter.ElementFilter("category"))) {
                if (child.getNamespaceURI().isEmpty()) {
                    continue;
                }
                String name = html.toLine(child.getAttributeValue("text", child.getTextTrim()));
                if (!name.isEmpty()) {
                    unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * The entry's own date text read by {@link FeedDateParser}; Rome's value only when the element
     * has no date text we can find. Rome's lenient SimpleDateFormat rolls invalid fields over (hour
     * 25 becomes the next day, day 99 a later month) and misreads old years, so when our stricter
     * parser refuses the text, a guess is worse than no date (the store then uses first-seen time).
     */
    private Instant date(Date romeDate, Element element, Set<String> names) {
        if (element != null) {
            boolean sawText = false;
            for (Element child : element.getChildren()) {
                if (names.contains(child.getName()) && !child.getTextNormalize().isEmpty()) {
                    sawText = true;
                    Optional<Instant> parsed = dates.parse(child.getTextNormalize());
                    if (parsed.isPresent()) {
                        return parsed.get();
                    }
                }
            }
            if (sawText) {
                return null;
            }
        }
        return romeDate == null ? null : romeDate.toInstant();
    }

    private String firstAlternateLink(SyndEntry entry, String... bases) {
        for (var l : entry.getLinks()) {
            String rel = l.getRel();
            if (rel == null || rel.equals("alternate")) {
                String resolved = links.resolve(l.getHref(), bases);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private static String xmlBaseOf(Element element) {
        if (element == null) {
            return null;
        }
        try {
            var uri = element.getXMLBaseURI();
            return uri == null ? null : uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
