package io.github.tldrbot.config;

/**
 * One entry of {@code feeds:}. In preview mode only {@code url} and {@code fullText} matter (the feed
 * is polled and its cards printed); {@code channel} and the filters are used for Discord delivery.
 *
 * @param fullText whether the article pages of this feed are read for their full text
 * @param thread   each card starts a thread in the (text) channel (SPEC §6.5)
 * @param webhook  post through the channel's webhook under this name and avatar, or null
 */
public record FeedEntryConfig(String url, String channel, String audience, String include, String exclude,
                              FullTextMode fullText, boolean thread, WebhookConfig webhook) {

    public FeedEntryConfig {
        fullText = fullText == null ? FullTextMode.AUTO : fullText;
    }

    /** An entry posted as the bot, without threads. */
    public FeedEntryConfig(String url, String channel, String audience, String include, String exclude,
                           FullTextMode fullText) {
        this(url, channel, audience, include, exclude, fullText, false, null);
    }

    /** An entry with the default {@code fullText: auto}. */
    public FeedEntryConfig(String url, String channel, String audience, String include, String exclude) {
        this(url, channel, audience, include, exclude, FullTextMode.AUTO);
    }

    /** The same entry following another address (a platform page resolved to its feed at start). */
    public FeedEntryConfig withUrl(String feedUrl) {
        return new FeedEntryConfig(feedUrl, channel, audience, include, exclude, fullText, thread, webhook);
    }
}
