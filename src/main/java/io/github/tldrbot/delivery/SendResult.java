package io.github.tldrbot.delivery;

import java.time.Duration;

/** The outcome of one {@link Publisher#send} or {@link Publisher#edit}. */
public sealed interface SendResult {

    /** Accepted; {@code messageId} is the service's id of the (possibly earlier, deduplicated) message. */
    record Sent(String messageId) implements SendResult {
    }

    /**
     * A temporary failure (5xx, timeout, connection lost, rate limited beyond what the client
     * absorbs): try again later. {@code retryAfter} is the service's hint, or null.
     */
    record RetryLater(String reason, Duration retryAfter) implements SendResult {
    }

    /**
     * The bot can never post there as things stand: missing access or permissions (403), unknown
     * channel (404). The subscription is paused with this reason.
     */
    record Refused(String reason) implements SendResult {
    }

    /** An edit found its message gone: a moderator deleted it (Discord's "Unknown Message"). */
    record Gone(String reason) implements SendResult {
    }
}
