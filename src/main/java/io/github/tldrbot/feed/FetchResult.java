package io.github.tldrbot.feed;

import java.net.URI;
import java.time.Instant;

/**
 * What one fetch of a feed URL ended in. Never thrown: every outcome, including every error, is a
 * value, so the poller can schedule the next try from it.
 */
public sealed interface FetchResult {

    /**
     * 200 with a body (decoded, within the size cap).
     *
     * @param freshUntil earliest next poll the server asked for (Cache-Control max-age / Expires), or null
     * @param linkHeaders the WebSub hubs and topic of the response's {@code Link:} headers
     */
    record Ok(URI finalUrl, byte[] body, String contentType, Validators validators, Instant freshUntil,
              HubLinks linkHeaders) implements FetchResult {
        public Ok {
            linkHeaders = linkHeaders == null ? HubLinks.NONE : linkHeaders;
        }

        /** A response without {@code Link:} headers. */
        public Ok(URI finalUrl, byte[] body, String contentType, Validators validators, Instant freshUntil) {
            this(finalUrl, body, contentType, validators, freshUntil, HubLinks.NONE);
        }
    }

    /** 304: nothing changed. */
    record NotModified(Validators validators, Instant freshUntil) implements FetchResult {
    }

    /** 410: the feed is gone for good; disable it. */
    record Gone(String message) implements FetchResult {
    }

    /** 429 or 503: try again no earlier than {@code retryAt} (from Retry-After, else null). */
    record Throttled(int status, Instant retryAt, String message) implements FetchResult {
    }

    /** Any other failure; {@code message} is one line that says what went wrong. */
    record Failed(FetchError kind, String message) implements FetchResult {
    }
}
