package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a send or edit that did not go through leads to (SPEC §6.4): a temporary failure backs off
 * exponentially (the row's retry time and the channel's not-before time) until {@code maxAttempts},
 * then the row fails; a refusal (403/404) puts the row back and pauses the subscription.
 */
final class FailedSends {
    private static final Logger log = LoggerFactory.getLogger(FailedSends.class);

    private final DeliveryStore deliveries;
    private final PausedSubscriptions pauses;
    private final RetryBackoff backoff;
    private final int maxAttempts;
    /** The worker's per-channel not-before times, shared: a backoff here holds the channel's lanes. */
    private final Map<Long, Instant> notBefore;
    private final Clock clock;

    FailedSends(DeliveryStore deliveries, PausedSubscriptions pauses, RetryBackoff backoff, int maxAttempts,
                Map<Long, Instant> notBefore, Clock clock) {
        this.deliveries = deliveries;
        this.pauses = pauses;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.notBefore = notBefore;
        this.clock = clock;
    }

    /** Records the failure; false when the channel must wait (its lane ends). */
    boolean settle(Delivery delivery, Subscription subscription, OutgoingMessage message, SendResult result) {
        Instant now = clock.instant();
        if (result instanceof SendResult.RetryLater retry) {
            return retryLater(delivery, retry, now);
        }
        String reason = result instanceof SendResult.Refused refused ? refused.reason() : result.toString();
        deliveries.release(delivery.id(), reason, now);
        pauses.pause(subscription, message, reason);
        return true;
    }

    private boolean retryLater(Delivery delivery, SendResult.RetryLater retry, Instant now) {
        if (delivery.attempts() >= maxAttempts) {
            String reason = "gave up after " + delivery.attempts() + " attempts; last error: " + retry.reason();
            deliveries.markFailed(delivery.id(), reason, now);
            log.warn("delivery failed: delivery={} channel={} reason={}", delivery.id(), delivery.channelId(), reason);
            return true;
        }
        Duration delay = backoff.delay(delivery.attempts(), retry.retryAfter());
        Instant next = now.plus(delay);
        deliveries.markRetry(delivery.id(), retry.reason(), next);
        notBefore.put(delivery.channelId(), next);
        log.info("delivery retry later: delivery={} channel={} attempts={} next_attempt={} error={}",
                delivery.id(), delivery.channelId(), delivery.attempts(), next, retry.reason());
        return false;
    }
}
