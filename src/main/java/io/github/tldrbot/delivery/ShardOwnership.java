package io.github.tldrbot.delivery;


import io.github.tldrbot.config.Shards;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.util.Optional;

/**
 * Whether this process delivers a subscription's cards (SPEC §13): it does when the subscription's
 * guild is on one of its shards. A channel this process cannot see is "not mine", never "refused":
 * with a known guild of another shard, or with an unknown guild while other processes run other
 * shards, the row is left to them. A guild learnt from the channel on the way is recorded, so the
 * store's shard filter routes the subscription from then on. A process that runs every shard owns
 * everything, and a channel it cannot see is refused by the send as before.
 */
final class ShardOwnership {
    private final Shards shards;
    private final SubscriptionStore subscriptions;
    private final Publisher publisher;

    ShardOwnership(Shards shards, SubscriptionStore subscriptions, Publisher publisher) {
        this.shards = shards;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
    }

    /** The subscription (its guild filled in when just learnt) when this process delivers it; empty when another does. */
    Optional<Subscription> mine(Subscription subscription) {
        if (subscription.guildId() != null) {
            return shards.owns(subscription.guildId()) ? Optional.of(subscription) : Optional.empty();
        }
        Optional<Long> guild = publisher.guildOf(subscription.channelId());
        if (guild.isEmpty()) {
            return shards.ownsAll() ? Optional.of(subscription) : Optional.empty();
        }
        subscriptions.setGuild(subscription.id(), guild.get());
        if (!shards.owns(guild.get())) {
            return Optional.empty();
        }
        return Optional.of(subscriptions.findById(subscription.id()).orElse(subscription));
    }
}
