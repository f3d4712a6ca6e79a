package io.github.tldrbot.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * What one HTTP response means for {@link HttpFeedFetcher} (SPEC §4.1): a final {@link FetchResult}
 * (2xx with its body read and decoded under the cap, 304 with the validators to keep, 410, 429/503
 * with when to retry, any other status) or the next hop of a redirect. Reading the body is where the
 * deadline shows: a read cut short by it is a timeout, never a short body. Thread-safe.
 */
final class FetchResponses {

    /**
     * What a kind of fetch asks for and how it reads the body.
     *
     * @param htmlOnly a 2xx of any other Content-Type is refused unread
     */
    record Profile(String accept, BodyReader bodyReader, boolean htmlOnly) {
    }

    /** Outcome of one hop: exactly one of the two is set. */
    record Step(FetchResult result, URI redirect) {
        static Step of(FetchResult result) {
            return new Step(result, null);
        }

        static Step redirectTo(URI target) {
            return new Step(null, target);
        }
    }

    private final Duration timeout;
    private final CacheHeaders cacheHeaders;

    /** @param timeout {@code fetch.timeout}, named in timeout messages */
    FetchResponses(Duration timeout, CacheHeaders cacheHeaders) {
        this.timeout = timeout;
        this.cacheHeaders = cacheHeaders;
    }

    Step interpret(URI url, HttpResponse<InputStream> response, InputStream body, Validators sent,
                   FetchDeadline deadline, Profile profile) throws FetchFailure {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status >= 200 && status < 300) {
            String type = headers.firstValue("Content-Type").orElse(null);
            if (profile.htmlOnly() && !isHtml(type)) {
                // Not read: a podcast's "article" link may be the episode's audio file.
                return Step.of(new FetchResult.Failed(FetchError.UNSUPPORTED_TYPE, url + " is "
                        + (type == null ? "of no stated type" : "'" + type.strip() + "'") + ", not an HTML page"));
            }
            byte[] bytes = readBody(url, headers, body, deadline, profile.bodyReader());
            Validators received = new Validators(headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null));
            return Step.of(new FetchResult.Ok(url, bytes, headers.firstValue("Content-Type").orElse(null),
                    received, cacheHeaders.freshUntil(headers), HubLinkReader.fromHeaders(headers, url)));
        }
        if (status == 304) {
            Validators kept = new Validators(headers.firstValue("ETag").orElse(sent.etag()),
                    headers.firstValue("Last-Modified").orElse(sent.lastModified()));
            return Step.of(new FetchResult.NotModified(kept, cacheHeaders.freshUntil(headers)));
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            return Step.redirectTo(FetchTargets.location(url, status, headers));
        }
        String message = FetchMessages.status(status, url);
        if (status == 410) {
            return Step.of(new FetchResult.Gone(message));
        }
        if (status == 429 || status == 503) {
            return Step.of(new FetchResult.Throttled(status, cacheHeaders.retryAt(headers), message));
        }
        return Step.of(new FetchResult.Failed(FetchError.HTTP_STATUS, message));
    }

    private byte[] readBody(URI url, HttpHeaders headers, InputStream body, FetchDeadline deadline,
            BodyReader bodyReader) throws FetchFailure {
        byte[] bytes;
        try {
            bytes = bodyReader.read(body, headers.allValues("Content-Encoding"),
                    headers.firstValueAsLong("Content-Length"), url);
        } catch (FetchFailure | IOException e) {
            // When the deadline closed the stream, whatever the read then saw is a consequence of that.
            if (deadline.expired()) {
                throw new FetchFailure(FetchError.TIMEOUT, FetchMessages.timeout(url, timeout));
            }
            if (e instanceof FetchFailure failure) {
                throw failure;
            }
            throw FetchMessages.network(url, (IOException) e, timeout);
        }
        // A stream closed by the deadline can look like a normal end: never return a cut-off body.
        if (deadline.expired()) {
            throw new FetchFailure(FetchError.TIMEOUT, FetchMessages.timeout(url, timeout));
        }
        return bytes;
    }

    /** {@code text/html} or {@code application/xhtml+xml}, whatever the parameters and case. */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return media.equals("text/html") || media.equals("application/xhtml+xml");
    }
}
