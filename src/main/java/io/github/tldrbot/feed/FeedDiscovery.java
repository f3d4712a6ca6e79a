package io.github.tldrbot.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed autodiscovery (SPEC §7, {@code /feed add}): when a user gives the address of a web page
 * instead of its feed, the page's {@code <link rel="alternate" type="application/rss+xml|atom+xml"
 * href>} elements name its feeds. Lives in feed/ because only this package parses documents.
 * Thread-safe and stateless.
 */
public final class FeedDiscovery {
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml");
    /** How much of the body is sniffed for an HTML start when the content type does not say. */
    private static final int SNIFF_BYTES = 512;

    /**
     * Whether the document is an HTML page rather than a feed: the content type says HTML, or (no
     * or a generic content type) the body starts like an HTML document.
     */
    public boolean isHtmlPage(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        if (type.contains("xml") || type.contains("rss") || type.contains("atom")) {
            return false;
        }
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /**
     * The feeds a page advertises, absolute (resolved against {@code <base href>} and the page's
     * URL), in document order, without duplicates; empty when it advertises none.
     */
    public List<URI> discover(byte[] body, URI pageUrl) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), null, pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<URI> found = new LinkedHashSet<>();
        for (Element link : page.select("link[rel][type][href]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) {
                type = type.substring(0, semicolon).strip();
            }
            String href = link.absUrl("href");
            if (alternate && FEED_TYPES.contains(type) && !href.isEmpty()) {
                try {
                    URI uri = new URI(href);
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (scheme.equals("http") || scheme.equals("https")) {
                        found.add(uri);
                    }
                } catch (URISyntaxException e) {
                    // an unusable href is no feed; the others may still be
                }
            }
        }
        return new ArrayList<>(found);
    }
}
