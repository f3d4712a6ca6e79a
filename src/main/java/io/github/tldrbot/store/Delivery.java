package io.github.tldrbot.store;

import java.time.Instant;

/**
 * One row of the {@code deliveries} outbox: one article for one subscription (SPEC §6.2).
 *
 * @param attempts      sends started so far
 * @param lastAttemptAt when the last send started; decides whether a crashed send is still inside
 *                      the service's nonce window
 * @param messageId     the service's message id once sent
 */
public record Delivery(
        long id,
        long subscriptionId,
        long articleId,
        long channelId,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        String lastError,
        String messageId,
        Instant createdAt,
        Instant sentAt) {
}
