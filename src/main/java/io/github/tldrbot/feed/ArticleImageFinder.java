package io.github.tldrbot.feed;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;
import org.jdom2.filter.ElementFilter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the one image a card shows for an entry, in the order publishers mean it: an image
 * enclosure, then Media RSS ({@code media:content} image, {@code media:thumbnail}) or
 * {@code itunes:image}, then the first real {@code <img>} of the body. Media elements are read from
 * the raw XML because rome-modules is not on the classpath. Always absolute http(s), else null.
 * Stateless apart from its collaborators.
 */
final class ArticleImageFinder {

    private static final Set<String> MEDIA_NAMESPACES = Set.of(
            "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss");

    private final HtmlText html;
    private final LinkResolver links;

    ArticleImageFinder(HtmlText html, LinkResolver links) {
        this.html = html;
        this.links = links;
    }

    /** The absolute image URL, or null; relative sources resolve against xml:base, entry link, feed link, feed URL. */
    String find(SyndEntry entry, Element element, String xmlBase, String link, String feedLink,
                             String baseUrl, HtmlText.Fragment contentHtml, HtmlText.Fragment descriptionHtml) {
        for (SyndEnclosure enc : entry.getEnclosures()) {
            String type = enc.getType() == null ? "" : enc.getType().toLowerCase(Locale.ROOT);
            if (type.startsWith("image/") || (type.isEmpty() && looksLikeImage(enc.getUrl()))) {
                String url = links.resolve(enc.getUrl(), xmlBase, link, feedLink, baseUrl);
                if (url != null) {
                    return url;
                }
            }
        }
        String media = element == null ? null : mediaImage(element);
        if (media != null) {
            String url = links.resolve(media, xmlBase, link, feedLink, baseUrl);
            if (url != null) {
                return url;
            }
        }
        for (HtmlText.Fragment body : new HtmlText.Fragment[] {contentHtml, descriptionHtml}) {
            Optional<String> img = html.firstImageOf(body);
            if (img.isPresent()) {
                return img.get();
            }
        }
        return null;
    }

    /** media:content with an image, else media:thumbnail, else itunes:image — searched in media:group too. */
    private static String mediaImage(Element element) {
        String thumbnail = null;
        String itunes = null;
        for (Element child : element.getDescendants(new ElementFilter())) {
            String ns = child.getNamespaceURI();
            if (MEDIA_NAMESPACES.contains(ns)) {
                String url = child.getAttributeValue("url");
                if (url == null || url.isBlank()) {
                    continue;
                }
                if (child.getName().equals("content")) {
                    String medium = child.getAttributeValue("medium", "");
                    String type = child.getAttributeValue("type", "");
                    if (medium.equals("image") || type.startsWith("image/")
                            || (medium.isEmpty() && type.isEmpty() && looksLikeImage(url))) {
                        return url;
                    }
                } else if (child.getName().equals("thumbnail") && thumbnail == null) {
                    thumbnail = url;
                }
            } else if (child.getName().equals("image") && ns.contains("itunes") && itunes == null) {
                itunes = child.getAttributeValue("href");
            }
        }
        return thumbnail != null ? thumbnail : itunes;
    }

    private static boolean looksLikeImage(String url) {
        if (url == null) {
            return false;
        }
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        return path.endsWith(".jpg") || path.endsWith(".jpeg") || path.endsWith(".png") || path.endsWith(".gif")
                || path.endsWith(".webp") || path.endsWith(".avif");
    }

    /**
     * What relative {@code <img>} sources in an entry's HTML resolve against; the body fragments
     * given to {@link #find} must be made with it.
     */
    static String imageBase(String xmlBase, String link, String feedLink, String baseUrl) {
        return firstNonNull(xmlBase, link, feedLink, baseUrl);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
