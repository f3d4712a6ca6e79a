package io.github.tldrbot.feed;

import java.net.URI;

/**
 * Downloads the web page of an article (its full text, when the feed gives only a teaser) under the
 * same rules as feeds: address checks on every redirect hop, whole-fetch timeout, size cap,
 * concurrency permits, User-Agent. Thread-safe.
 */
public interface PageFetcher {

    /**
     * @return {@link FetchResult.Ok} for an HTML page (its body possibly cut at the page cap); a
     *         {@link FetchResult.Failed} of {@link FetchError#UNSUPPORTED_TYPE} for anything that is
     *         not HTML; the other results as for feeds
     */
    FetchResult fetchPage(URI url);
}
