package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.util.List;
import java.util.Set;

/**
 * Stop posting a feed in a guild, in every channel or in one ({@code /feed remove}). When nobody
 * subscribes to the feed any more and the config file does not list it, the feed itself goes (with
 * its stored articles and cards): the poller polls only feed rows, and adding it again later starts
 * fresh with a new seed. One transaction.
 */
public final class Unsubscribe {
    private final Database database;
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final Set<String> configuredUrls;

    /** @param configuredUrls the URLs of the config file's {@code feeds:} (those are polled even without a channel) */
    public Unsubscribe(Database database, FeedStore feeds, SubscriptionStore subscriptions, Set<String> configuredUrls) {
        this.database = database;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.configuredUrls = Set.copyOf(configuredUrls);
    }

    /**
     * @param removed        the subscriptions deleted
     * @param feedDropped    whether the feed is no longer polled
     * @param fromConfigFile whether one of them came from the config file (it comes back at the next start)
     */
    public record Unsubscribed(List<Subscription> removed, boolean feedDropped, boolean fromConfigFile) {
    }

    /**
     * @param channelId only this channel's subscription, or null for every channel of the guild
     * @throws Refused when the guild (or that channel) does not get the feed
     */
    public Unsubscribed run(long guildId, FeedRecord feed, Long channelId) throws Refused {
        return database.transaction(() -> {
            List<Subscription> targets = subscriptions.listForGuild(guildId).stream()
                    .filter(s -> s.feedId() == feed.id() && (channelId == null || s.channelId() == channelId)).toList();
            if (targets.isEmpty()) {
                throw new Refused((channelId == null ? "This server" : "<#" + channelId + ">") + " does not get " + feed.label()
                        + "; see /feed list for where it is posted.");
            }
            targets.forEach(s -> subscriptions.delete(s.id()));
            boolean dropped = !configuredUrls.contains(feed.url()) && feeds.deleteIfUnsubscribed(feed.id());
            boolean fromConfig = targets.stream().anyMatch(s -> s.source() == SubscriptionSource.CONFIG);
            return new Unsubscribed(targets, dropped, fromConfig);
        });
    }
}
