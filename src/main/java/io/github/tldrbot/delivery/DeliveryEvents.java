package io.github.tldrbot.delivery;

import java.time.Duration;

/** What the delivery worker reports as it sends (SPEC §11: deliveries by outcome, send latency); metrics listen. */
public interface DeliveryEvents {
    DeliveryEvents NONE = new DeliveryEvents() {
    };

    /** A message or edit was accepted; {@code took} is the publisher call. */
    default void sent(Duration took) {
    }

    /** A temporary failure: the row waits for a retry. */
    default void retried() {
    }

    /** Retries exhausted: the row failed. */
    default void failed() {
    }

    /** Refused (403/404): the subscription is paused. */
    default void refused() {
    }

    /** Nothing will be sent for the row (its card is missing, the story card was deleted …). */
    default void skipped() {
    }
}
