package io.github.tldrbot.store;

import java.time.Instant;

/**
 * One row of the {@code deliveries} outbox: one article for one subscription (SPEC §6.2).
 *
 * @param attempts      sends started so far
 * @param lastAttemptAt when the last send started; decides whether a crashed send is still inside
 *                      the service's nonce window
 * @param messageId     the service's message id once sent
 * @param editOf        for an edit of a story card already posted in the channel (SPEC §6.2a): the
 *                      delivery that posted it; null for a delivery that posts a new message
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
        Instant sentAt,
        Long editOf) {

    /** Whether this delivery edits the story card another delivery posted, rather than posting one. */
    public boolean isEdit() {
        return editOf != null;
    }
}
