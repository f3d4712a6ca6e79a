package io.github.tldrbot.feed;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The GET requests {@link HttpFeedFetcher} sends: the Accept of the kind of fetch, the encodings we
 * decode, the configured User-Agent, the validators of a conditional GET, and the time left of the
 * fetch's deadline. A header value that is not printable single-line text is left out. Stateless.
 */
final class FetchRequests {

    static final String ACCEPT_ENCODING = "gzip, deflate";

    private final String userAgent;

    /** @param userAgent {@code fetch.userAgent}, or null */
    FetchRequests(String userAgent) {
        this.userAgent = userAgent;
    }

    HttpRequest get(URI url, Validators validators, Duration remaining, String accept) throws FetchFailure {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .GET()
                    .timeout(remaining.isZero() ? Duration.ofMillis(1) : remaining)
                    .header("Accept", accept)
                    .header("Accept-Encoding", ACCEPT_ENCODING);
            if (sendable(userAgent)) {
                request.header("User-Agent", userAgent);
            }
            if (sendable(validators.etag())) {
                request.header("If-None-Match", validators.etag());
            }
            if (sendable(validators.lastModified())) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            return request.build();
        } catch (IllegalArgumentException e) {
            throw new FetchFailure(FetchError.INVALID_URL, "cannot request " + url + ": " + FetchMessages.clean(e));
        }
    }

    /** Header values we send must be printable single-line text; anything else is left out. */
    private static boolean sendable(String value) {
        return value != null && !value.isBlank() && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t');
    }
}
