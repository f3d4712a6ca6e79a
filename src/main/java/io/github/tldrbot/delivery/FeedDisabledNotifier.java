package io.github.tldrbot.delivery;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells each guild subscribed to a disabled feed, once, that it stopped (SPEC §6.4): in the first
 * subscribing channel of that guild (the publisher falls back to the system channel). Which
 * subscriptions were told is recorded per guild, so with several processes (SPEC §13) each tells
 * the guilds of its own shards and leaves the others to theirs; the feed counts as announced when
 * no subscriber is left untold. A subscription whose guild is not resolved yet waits for a later
 * round. Run by the {@link DeliveryWorker} on each scan.
 */
public final class FeedDisabledNotifier {
    private static final Logger log = LoggerFactory.getLogger(FeedDisabledNotifier.class);

    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final Publisher publisher;
    private final Shards shards;

    /** A notifier for a process that runs every shard. */
    public FeedDisabledNotifier(FeedStore feeds, SubscriptionStore subscriptions, Publisher publisher) {
        this(feeds, subscriptions, publisher, ShardSet.single());
    }

    /** @param shards this process's shards: only their guilds are told here */
    public FeedDisabledNotifier(FeedStore feeds, SubscriptionStore subscriptions, Publisher publisher, Shards shards) {
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.shards = shards;
    }

    /** Announces every newly disabled feed in this process's guilds; returns how many guilds were told. */
    public int announceNew() {
        int told = 0;
        for (FeedRecord feed : feeds.listDisabledUnannounced()) {
            List<Subscription> untold = subscriptions.listUntoldOfDisabledFeed(feed.id());
            Map<Long, Long> channelByGuild = new LinkedHashMap<>();
            untold.stream().filter(s -> s.guildId() != null && shards.owns(s.guildId()))
                    .forEach(s -> channelByGuild.putIfAbsent(s.guildId(), s.channelId()));
            String text = "tldr-bot: the feed " + label(feed) + " was disabled: " + feed.disabledReason()
                    + ". No new posts arrive from it; a moderator can check it with /feed status.";
            for (Map.Entry<Long, Long> guild : channelByGuild.entrySet()) {
                if (publisher.announce(guild.getKey(), guild.getValue(), text)) {
                    told++;
                } else {
                    log.warn("feed disabled notice not delivered: feed={} guild={}", feed.id(), guild.getKey());
                }
                subscriptions.markFeedDisabledTold(feed.id(), guild.getKey());
            }
            if (untold.stream().allMatch(s -> s.guildId() != null && channelByGuild.containsKey(s.guildId()))) {
                feeds.markDisabledAnnounced(feed.id());
            }
        }
        return told;
    }

    private static String label(FeedRecord feed) {
        return feed.title() == null ? feed.url() : "\"" + feed.title() + "\" (" + feed.url() + ")";
    }
}
