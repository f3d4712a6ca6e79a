package io.github.tldrbot.feed;

import java.net.URI;

/**
 * Downloads feed documents over HTTP(S) (SPEC §4.1). Implementations are thread-safe and enforce
 * the size cap, timeout, redirect rules, private-address rule and concurrency limits themselves.
 */
public interface FeedFetcher {
    FetchResult fetch(URI url, Validators validators);
}
