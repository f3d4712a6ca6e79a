package io.github.tldrbot.delivery;


import io.github.tldrbot.config.Shards;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses a subscription whose channel refuses the bot (SPEC §6.4), announces it once in the guild,
 * and every {@code probeEvery} lets paused subscriptions with cards waiting try again (their oldest
 * card goes first; success resumes them). Only subscriptions of this process's guilds are probed.
 */
final class PausedSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(PausedSubscriptions.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Publisher publisher;
    private final Duration probeEvery;
    private final Shards shards;
    private final Clock clock;
    private volatile Instant lastProbe = Instant.EPOCH;

    PausedSubscriptions(SubscriptionStore subscriptions, DeliveryStore deliveries, Publisher publisher, Duration probeEvery,
                        Shards shards, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.probeEvery = probeEvery;
        this.shards = shards;
        this.clock = clock;
    }

    /** Lets paused subscriptions that still have cards waiting try again, every {@code probeEvery}. */
    void probeDue() {
        Instant now = clock.instant();
        if (lastProbe.plus(probeEvery).isAfter(now)) {
            return;
        }
        boolean first = lastProbe.equals(Instant.EPOCH);
        lastProbe = now;
        if (first) {
            return; // not at start-up: a pause is at least probeEvery old before its first probe
        }
        for (Subscription s : subscriptions.listAll()) {
            if (s.status() == SubscriptionStatus.PAUSED && (s.guildId() == null || shards.owns(s.guildId()))
                    && deliveries.listForSubscription(s.id()).stream().anyMatch(d -> d.status() == DeliveryStatus.PENDING)
                    && subscriptions.probe(s.id())) {
                log.info("probing paused subscription: subscription={} channel={} reason={}", s.id(), s.channelId(), s.pausedReason());
            }
        }
    }

    /** Pauses the subscription with the reason and, the first time, tells its guild. */
    void pause(Subscription subscription, OutgoingMessage message, String reason) {
        if (!subscriptions.pause(subscription.id(), reason)) {
            return;
        }
        log.warn("subscription paused: subscription={} channel={} reason={}", subscription.id(), subscription.channelId(), reason);
        if (subscription.guildId() == null || subscriptions.findById(subscription.id()).map(Subscription::pauseAnnounced).orElse(true)) {
            return;
        }
        String feed = message.feedTitle() == null ? "a feed" : "\"" + message.feedTitle() + "\"";
        String text = "tldr-bot: posting " + feed + " to <#" + subscription.channelId() + "> is paused because "
                + reason + "; give the bot View Channel, Send Messages and Embed Links there — it retries every "
                + probeEvery.toMinutes() + " minutes and resumes by itself, nothing is lost.";
        if (publisher.announce(subscription.guildId(), subscription.channelId(), text)) {
            subscriptions.markPauseAnnounced(subscription.id());
        } else {
            log.warn("pause notice not delivered: subscription={} guild={}", subscription.id(), subscription.guildId());
        }
    }
}
