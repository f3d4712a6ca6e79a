package io.github.tldrbot.feed;

/**
 * The feed-level facts a card and the store need.
 *
 * @param url    the URL (or file path) the feed was read from, after redirects
 * @param format Rome's feed type in lower case with {@code _} separators, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param ttl    RSS {@code <ttl>} in minutes, or null
 * @param hubs   the WebSub hubs and topic the document advertises ({@code atom:link rel="hub"/"self"})
 */
public record FeedInfo(String url, String title, String link, String format, Integer ttl, HubLinks hubs) {
    public FeedInfo {
        hubs = hubs == null ? HubLinks.NONE : hubs;
    }

    /** A feed that advertises no WebSub hub. */
    public FeedInfo(String url, String title, String link, String format, Integer ttl) {
        this(url, title, link, format, ttl, HubLinks.NONE);
    }
}
