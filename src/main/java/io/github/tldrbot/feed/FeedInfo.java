package io.github.tldrbot.feed;

/**
 * The feed-level facts a card and the store need.
 *
 * @param url    the URL (or file path) the feed was read from, after redirects
 * @param format Rome's feed type in lower case with {@code _} separators, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param ttl    RSS {@code <ttl>} in minutes, or null
 */
public record FeedInfo(String url, String title, String link, String format, Integer ttl) {
}
