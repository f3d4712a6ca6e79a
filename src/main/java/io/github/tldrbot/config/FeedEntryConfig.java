package io.github.tldrbot.config;

/**
 * One entry of {@code feeds:}. In preview mode only {@code url} matters (the feed is polled and its
 * cards printed); {@code channel} and the filters are used once Discord delivery exists.
 */
public record FeedEntryConfig(String url, String channel, String audience, String include, String exclude) {
}
