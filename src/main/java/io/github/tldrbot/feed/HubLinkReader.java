package io.github.tldrbot.feed;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Finds WebSub discovery links (W3C WebSub §4): {@code <atom:link rel="hub|self" href>} at the top
 * of an Atom feed or in an RSS channel, and {@code Link: <url>; rel="hub"} HTTP headers. Relative
 * URLs are resolved against the feed URL; only http(s) URLs are kept.
 */
final class HubLinkReader {
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    /** One link-value of a Link header: {@code <uri>; params}; values are split on commas outside {@code <>} and quotes. */
    private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

    /** The links of a parsed document (root element of an Atom feed, or the RSS channel). */
    HubLinks fromDocument(Element root, String baseUrl) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        Element holder = root.getName().equals("rss") && root.getChild("channel") != null ? root.getChild("channel") : root;
        for (Element link : holder.getChildren("link", ATOM)) {
            String href = resolve(link.getAttributeValue("href"), baseUrl);
            if (href == null) {
                continue;
            }
            for (String rel : rels(link.getAttributeValue("rel"))) {
                if (rel.equals("hub") && !hubs.contains(href)) {
                    hubs.add(href);
                } else if (rel.equals("self") && self == null) {
                    self = href;
                }
            }
        }
        return new HubLinks(hubs, self);
    }

    /** The links of a response's {@code Link:} headers. */
    static HubLinks fromHeaders(HttpHeaders headers, URI base) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        for (String header : headers.allValues("Link")) {
            Matcher value = LINK_VALUE.matcher(header);
            while (value.find()) {
                String href = resolve(value.group(1).strip(), base.toString());
                Matcher rel = REL.matcher(value.group(2));
                if (href == null || !rel.find()) {
                    continue;
                }
                for (String r : rels(rel.group(1) != null ? rel.group(1) : rel.group(2))) {
                    if (r.equals("hub") && !hubs.contains(href)) {
                        hubs.add(href);
                    } else if (r.equals("self") && self == null) {
                        self = href;
                    }
                }
            }
        }
        return new HubLinks(hubs, self);
    }

    private static List<String> rels(String rel) {
        if (rel == null) {
            return List.of();
        }
        return List.of(rel.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private static String resolve(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = base == null ? new URI(href.strip()) : new URI(base).resolve(href.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
