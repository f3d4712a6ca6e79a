package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the rows an earlier process left {@code sending} (SPEC §6.2), before any lane runs: a
 * send younger than the nonce window is simply repeated with the same nonce (the service answers
 * with the earlier message); an older one, or one sent where the service ignores the nonce (a
 * webhook, a forum post: {@link Publisher#recognisesRepeats}), is first looked up among the channel's recent messages
 * and marked sent when found; an interrupted edit is applied again (an edit can be repeated). The
 * store lists only rows of this process's guilds, so another process's sends in flight are left alone.
 */
final class SendingRecovery {
    private static final Logger log = LoggerFactory.getLogger(SendingRecovery.class);

    private final DeliveryStore deliveries;
    private final OutgoingMessageLoader messages;
    private final Publisher publisher;
    private final Duration nonceWindow;
    private final Clock clock;

    SendingRecovery(DeliveryStore deliveries, OutgoingMessageLoader messages, Publisher publisher, Duration nonceWindow, Clock clock) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.publisher = publisher;
        this.nonceWindow = nonceWindow;
        this.clock = clock;
    }

    /** The settling as a task for the worker's scanning thread: {@code then} runs when a row was settled; a failure is logged. */
    Runnable task(Runnable then) {
        return () -> {
            try {
                if (run() > 0) {
                    then.run();
                }
            } catch (RuntimeException e) {
                log.warn("settling a dead process's sends failed: error={}", e.toString(), e);
            }
        };
    }

    /** Returns how many rows were settled. */
    int run() {
        Instant now = clock.instant();
        int settled = 0;
        for (Delivery delivery : deliveries.listSending(now)) {
            boolean young = delivery.lastAttemptAt() != null && delivery.lastAttemptAt().isAfter(now.minus(nonceWindow));
            if (delivery.isEdit()) {
                deliveries.release(delivery.id(), "interrupted edit; applied again (an edit can be repeated)", now);
            } else if (young && publisher.recognisesRepeats(delivery.channelId(), messages.target(delivery.subscriptionId()))) {
                deliveries.release(delivery.id(), "interrupted send; repeated with the same nonce", now);
            } else {
                Optional<String> earlier = messages.articleLink(delivery.articleId())
                        .flatMap(link -> publisher.findRecentMessage(delivery.channelId(), link));
                if (earlier.isPresent()) {
                    deliveries.markSent(delivery.id(), earlier.get(), now);
                } else {
                    deliveries.release(delivery.id(), "interrupted send, not found in the channel; sent again", now);
                }
            }
            log.info("interrupted delivery settled: delivery={} channel={} young={}", delivery.id(), delivery.channelId(), young);
            settled++;
        }
        return settled;
    }
}
