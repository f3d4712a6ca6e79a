package io.github.tldrbot.delivery;

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
 * subscribing channel of that guild (the publisher falls back to the system channel). The feed is
 * marked announced after one round; a feed whose subscribers' guilds are not resolved yet waits for
 * a later round so no guild is left out. Run by the {@link DeliveryWorker} on each scan.
 */
public final class FeedDisabledNotifier {
    private static final Logger log = LoggerFactory.getLogger(FeedDisabledNotifier.class);

    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final Publisher publisher;

    public FeedDisabledNotifier(FeedStore feeds, SubscriptionStore subscriptions, Publisher publisher) {
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
    }

    /** Announces every newly disabled feed; returns how many guilds were told. */
    public int announceNew() {
        int told = 0;
        for (FeedRecord feed : feeds.listDisabledUnannounced()) {
            List<Subscription> subscribers = subscriptions.listAllForFeed(feed.id());
            if (subscribers.stream().anyMatch(s -> s.guildId() == null)) {
                continue;
            }
            Map<Long, Long> channelByGuild = new LinkedHashMap<>();
            subscribers.forEach(s -> channelByGuild.putIfAbsent(s.guildId(), s.channelId()));
            String text = "tldr-bot: the feed " + label(feed) + " was disabled: " + feed.disabledReason()
                    + ". No new posts arrive from it; a moderator can check it with /feed status.";
            for (Map.Entry<Long, Long> guild : channelByGuild.entrySet()) {
                if (publisher.announce(guild.getKey(), guild.getValue(), text)) {
                    told++;
                } else {
                    log.warn("feed disabled notice not delivered: feed={} guild={}", feed.id(), guild.getKey());
                }
            }
            feeds.markDisabledAnnounced(feed.id());
        }
        return told;
    }

    private static String label(FeedRecord feed) {
        return feed.title() == null ? feed.url() : "\"" + feed.title() + "\" (" + feed.url() + ")";
    }
}
