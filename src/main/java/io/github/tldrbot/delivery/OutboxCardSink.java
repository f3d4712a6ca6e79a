package io.github.tldrbot.delivery;

import io.github.tldrbot.poll.CardSink;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.PostSkip;
import io.github.tldrbot.store.SkipReason;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Discord mode's {@link CardSink}: writes one outbox row per active subscription of the card's feed
 * whose filter accepts it, and for every other subscription of the feed why not (its filter, or a
 * pause: SPEC §6.5), all in one transaction, then wakes the delivery worker. Nothing is sent
 * here, so a poll never waits for Discord, and a crash after this call loses nothing (SPEC §6.2).
 * Seed samples (the first poll of a feed) are ignored: seeding posts nothing.
 *
 * <p>Enqueueing is idempotent, so start-up recovery may hand the same card again safely. A
 * subscription whose stored filter no longer compiles (it was validated when made) is skipped with
 * a warning rather than flooding the channel.
 */
public final class OutboxCardSink implements CardSink {
    private static final Logger log = LoggerFactory.getLogger(OutboxCardSink.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Runnable onEnqueued;
    private final Clock clock;

    /** @param onEnqueued called after rows were added; pass {@code worker::wake} */
    public OutboxCardSink(SubscriptionStore subscriptions, DeliveryStore deliveries, Runnable onEnqueued, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.onEnqueued = onEnqueued;
        this.clock = clock;
    }

    @Override
    public void publish(PostedCard card) {
        if (card.seedSample()) {
            return;
        }
        List<Subscription> routed = new ArrayList<>();
        List<PostSkip> skipped = new ArrayList<>();
        for (Subscription subscription : subscriptions.listAllForFeed(card.feedId())) {
            Optional<PostSkip> skip = subscription.status() == SubscriptionStatus.PAUSED
                    ? Optional.of(PostSkip.of(card.articleId(), subscription.id(), SkipReason.PAUSED, subscription.pausedReason()))
                    : rejection(subscription, card);
            if (skip.isPresent()) {
                skipped.add(skip.get());
            } else {
                routed.add(subscription);
            }
        }
        int added = deliveries.enqueueAll(routed, skipped, card.articleId(), clock.instant());
        if (added > 0) {
            log.debug("deliveries enqueued: feed={} article={} count={}", card.feedId(), card.articleId(), added);
            // the poller calls this inside its card's transaction: wake the worker once the rows are visible
            deliveries.afterCommit(onEnqueued);
        }
    }

    /** Seeding posts nothing to Discord: the poller need not make the sample's card. */
    @Override
    public boolean wantsSeedSamples() {
        return false;
    }

    /** Why the subscription's filter keeps the card out, or empty when it lets it through. */
    private static Optional<PostSkip> rejection(Subscription subscription, PostedCard card) {
        try {
            return SubscriptionFilter.parse(subscription.audience(), subscription.include(), subscription.exclude())
                    .rejection(card.article(), card.card())
                    .map(r -> PostSkip.of(card.articleId(), subscription.id(), r.reason(), r.detail()));
        } catch (IllegalArgumentException e) {
            log.warn("subscription filter invalid, card not routed: subscription={} channel={} error={}",
                    subscription.id(), subscription.channelId(), e.getMessage());
            return Optional.of(PostSkip.of(card.articleId(), subscription.id(), SkipReason.FILTER, e.getMessage()));
        }
    }
}
