package io.github.tldrbot.store;

import java.util.Locale;

/**
 * Where a delivery is in the outbox: {@code PENDING} (waiting, possibly until its next attempt),
 * {@code SENDING} (handed to the publisher; a row left here by a crash is settled at start-up),
 * then one of the final states {@code SENT}, {@code SKIPPED} (nothing to send) or {@code FAILED}
 * (retries exhausted).
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    SKIPPED,
    FAILED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
