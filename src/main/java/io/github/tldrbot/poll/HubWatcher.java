package io.github.tldrbot.poll;

import io.github.tldrbot.feed.HubLinks;

/**
 * Told the WebSub links of every feed document the poller reads (SPEC §4.3), so a feed that
 * advertises a hub gets subscribed there. Called on the polling thread: implementations record and
 * return, the hub is called elsewhere.
 */
@FunctionalInterface
public interface HubWatcher {
    HubWatcher NONE = (feedId, links, feedUrl) -> { };

    /**
     * @param links   the document's links, with the response's {@code Link:} headers first
     * @param feedUrl the URL the document came from (the topic when the feed names no {@code self})
     */
    void seen(long feedId, HubLinks links, String feedUrl);
}
