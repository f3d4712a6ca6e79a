package io.github.tldrbot.llm;

import java.time.Duration;

/**
 * A model call that produced no usable card. {@link #cause()} is a stable key (timeout, connection,
 * http-500, rate-limited, invalid-output, …) used to log each cause once; the message is one line
 * and never contains the API key (callers scrub server text before building it).
 */
final class ModelCallException extends Exception {

    private final String cause;
    private final int status;
    private final String body;
    private final Duration retryAfter;

    ModelCallException(String cause, String message) {
        this(cause, message, 0, null, null);
    }

    ModelCallException(String cause, String message, int status, String body, Duration retryAfter) {
        super(message, null, false, false);
        this.cause = cause;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    /** The stable cause key. */
    String cause() {
        return cause;
    }

    /** The HTTP status, or 0 when none was received. */
    int status() {
        return status;
    }

    /** The (scrubbed, shortened) error body, or null. */
    String body() {
        return body;
    }

    /** The server's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
