package io.github.tldrbot.testing.discord;

/**
 * A failure the stand-in injects into requests on one channel's routes ({@code channels/{id}/...}),
 * to drive the bot's error handling through real JDA. Faults fire once by default; use
 * {@link #times(int)} or {@link #persistent()} for more. Several faults on one channel fire in
 * the order they were injected.
 *
 * @param kind         what happens
 * @param status       HTTP status answered (for {@link Kind#ERROR} and {@link Kind#RATE_LIMIT})
 * @param code         Discord JSON error code (0 when none)
 * @param message      Discord JSON error message
 * @param delayMillis  for {@link Kind#SLOW}: delay before answering normally; for
 *                     {@link Kind#RATE_LIMIT}: the retry-after announced
 * @param uses         how many requests it affects; {@code -1} = every request until cleared
 */
public record Fault(Kind kind, int status, int code, String message, long delayMillis, int uses) {

    /** What the fault does to a request. */
    public enum Kind {
        /** Answer with an error status and Discord error body instead of handling the request. */
        ERROR,
        /** Answer 429 with rate-limit headers and {@code Via: 1.1 google}, even under the limit. */
        RATE_LIMIT,
        /** Wait {@code delayMillis}, then handle normally. */
        SLOW,
        /** Handle (store the message), then close the connection without any answer. */
        ACCEPT_THEN_DROP,
        /** Handle (store the message), then wait {@code delayMillis} before answering: a crash in that window is the "sent but not recorded" case. */
        ACCEPT_THEN_STALL
    }

    /** 403 Missing Access (50001): the bot cannot see the channel. */
    public static Fault missingAccess() {
        return new Fault(Kind.ERROR, 403, 50001, "Missing Access", 0, 1);
    }

    /** 403 Missing Permissions (50013): the bot lacks a permission such as Send Messages. */
    public static Fault missingPermissions() {
        return new Fault(Kind.ERROR, 403, 50013, "Missing Permissions", 0, 1);
    }

    /** 404 Unknown Channel (10003): the channel was deleted. */
    public static Fault unknownChannel() {
        return new Fault(Kind.ERROR, 404, 10003, "Unknown Channel", 0, 1);
    }

    /** A 5xx answer; JDA retries 502/503/504 itself (up to 4 times) but not 500. */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("serverError needs a 5xx status, got " + status);
        }
        return new Fault(Kind.ERROR, status, 0, status + ": Server error", 0, 1);
    }

    /** A 429 answered regardless of the real limit, announcing {@code retryAfterMillis}. */
    public static Fault rateLimitStorm(long retryAfterMillis) {
        return new Fault(Kind.RATE_LIMIT, 429, 0, "You are being rate limited.", retryAfterMillis, 1);
    }

    /** Answer normally, but only after {@code delayMillis}. */
    public static Fault slow(long delayMillis) {
        return new Fault(Kind.SLOW, 0, 0, "", delayMillis, 1);
    }

    /** Store the message as Discord would, then drop the connection without answering. */
    public static Fault acceptThenDrop() {
        return new Fault(Kind.ACCEPT_THEN_DROP, 0, 0, "", 0, 1);
    }

    /** Store the message as Discord would, then hold the answer back for {@code delayMillis}. */
    public static Fault acceptThenStall(long delayMillis) {
        return new Fault(Kind.ACCEPT_THEN_STALL, 0, 0, "", delayMillis, 1);
    }

    /** The same fault for the next {@code n} requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1, got " + n);
        }
        return new Fault(kind, status, code, message, delayMillis, n);
    }

    /** The same fault for every request until {@link FakeDiscord#clearFaults(long)} or reset. */
    public Fault persistent() {
        return new Fault(kind, status, code, message, delayMillis, -1);
    }
}
