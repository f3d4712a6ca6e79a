package io.github.tldrbot.discord.commands;

import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import java.net.URI;
import java.util.List;

/**
 * A feed found from what a user typed, fetched and parsed once.
 *
 * @param url        the feed's address: the typed URL, or the first feed a page advertised
 * @param fetched    the response the document came from (validators, freshness) for seeding
 * @param others     further feeds the page advertised (mentioned in the reply), empty otherwise
 * @param discovered true when {@code url} came from a page's {@code <link rel="alternate">}
 * @param platform   what a platform address resolved to ("YouTube channel → …"), or null
 */
record FoundFeed(URI url, FetchResult.Ok fetched, ParsedFeed parsed, List<URI> others, boolean discovered, String platform) {
    FoundFeed {
        others = List.copyOf(others);
    }
}
