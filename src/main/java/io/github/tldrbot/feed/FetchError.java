package io.github.tldrbot.feed;

/** Why a fetch failed; used for logs, status and exit codes. */
public enum FetchError {
    /** Malformed URL or a scheme other than http(s). */
    INVALID_URL,
    /** The host resolves to a loopback/private/link-local/unspecified address and those are not allowed. */
    PRIVATE_ADDRESS,
    /** DNS failure, connection refused or reset, TLS failure. */
    UNREACHABLE,
    /** No complete response within the timeout (includes slow-drip bodies). */
    TIMEOUT,
    /** A 4xx/5xx other than 304/410/429/503. */
    HTTP_STATUS,
    /** Decoded body over {@code fetch.maxBodySize} (includes compression bombs). */
    TOO_LARGE,
    /** More than {@code fetch.maxRedirects} hops, a loop, or a redirect without a usable Location. */
    TOO_MANY_REDIRECTS,
    /** The Content-Encoding could not be decoded. */
    BAD_ENCODING,
    /** A page fetch got something that is not HTML (an image, a PDF, a podcast's audio file). */
    UNSUPPORTED_TYPE
}
