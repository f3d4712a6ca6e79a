package io.github.tldrbot.delivery;

/**
 * The message nonce of a delivery: {@code "tldr-" + base36(delivery id)}, at most 18 characters
 * (Discord allows 25). Derived only from the row id, so every retry and every restart sends the
 * same nonce and the service returns the earlier message instead of posting twice (SPEC §6.2).
 * Ids are never reused (AUTOINCREMENT), so two deliveries never share a nonce.
 */
final class DeliveryNonce {
    private static final String PREFIX = "tldr-";

    private DeliveryNonce() {
    }

    static String of(long deliveryId) {
        return PREFIX + Long.toString(deliveryId, 36);
    }
}
