package io.github.tldrbot.card;

import java.net.URI;

/**
 * Who published an article, as a card names it: "Read original on &lt;publisher&gt;" (SPEC §5.4, the
 * seed's attribution — the rights stay with the publisher and the reader is sent there). The
 * publisher is the feed's title when it has one, else the article's (or the site's) host without
 * {@code www.}. Stateless.
 */
public final class SourceAttribution {

    private static final int MAX_NAME = 80;

    private SourceAttribution() {
    }

    /** The publisher's name, or null when neither a title nor a host is known. */
    public static String publisher(String feedTitle, String articleLink, String siteLink) {
        if (feedTitle != null && !feedTitle.isBlank()) {
            String name = feedTitle.strip().replaceAll("\\s+", " ");
            return name.length() <= MAX_NAME ? name : new TextShortener().shorten(name, MAX_NAME);
        }
        String host = host(articleLink);
        return host != null ? host : host(siteLink);
    }

    static String host(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(link.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
