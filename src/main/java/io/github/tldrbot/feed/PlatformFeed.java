package io.github.tldrbot.feed;

import java.net.URI;

/**
 * The feed behind a platform address (a YouTube channel page, a subreddit, a GitHub repository …).
 *
 * @param platform what the address was, for the reply: "YouTube channel", "Reddit subreddit r/java"
 * @param feedUrl  the feed to follow instead of the typed address
 */
public record PlatformFeed(String platform, URI feedUrl) {
    /** "YouTube channel → https://www.youtube.com/feeds/videos.xml?channel_id=…" */
    public String describe() {
        return platform + " → " + feedUrl;
    }
}
