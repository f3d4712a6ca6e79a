package io.github.tldrbot.app;

import io.github.tldrbot.config.ConfigException;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.delivery.SubscriptionFilter;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the store match the {@code feeds:} entries of the configuration at start-up (config as
 * code): every listed feed exists; every entry with a channel is a subscription with exactly the
 * filters and {@code fullText} setting written there; subscriptions that came from the config and are no longer listed are
 * removed. Subscriptions made by slash commands are never touched.
 */
final class ConfigSubscriptionSync {
    private static final Logger log = LoggerFactory.getLogger(ConfigSubscriptionSync.class);

    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final LongFunction<Optional<Long>> guildOfChannel;
    private final ShardSet shards;
    private final Duration defaultInterval;
    private final Clock clock;

    /**
     * @param guildOfChannel the guild a channel belongs to, as the bot sees it (empty: unknown channel)
     * @param shards         this process's shards: a channel it cannot see may be another process's,
     *                       which records the guild when it syncs (a known guild is never overwritten)
     */
    ConfigSubscriptionSync(FeedStore feeds, SubscriptionStore subscriptions, LongFunction<Optional<Long>> guildOfChannel,
                           ShardSet shards, Duration defaultInterval, Clock clock) {
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.guildOfChannel = guildOfChannel;
        this.shards = shards;
        this.defaultInterval = defaultInterval;
        this.clock = clock;
    }

    /** Adds the configured feeds only (preview mode: nothing is posted, so no subscriptions). */
    static void addFeeds(FeedStore feeds, SubscriptionStore subscriptions, List<FeedEntryConfig> entries,
                         Duration defaultInterval, Clock clock) {
        for (FeedEntryConfig entry : entries) {
            feeds.add(entry.url(), clock.instant(), defaultInterval);
        }
        dropOrphans(feeds, entries);
    }

    /**
     * A feed that left the config file and that no channel subscribes to any more stops being
     * polled: its row goes, with its articles and cards (as {@code /feed remove} does).
     */
    private static void dropOrphans(FeedStore feeds, List<FeedEntryConfig> entries) {
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.url()));
        feeds.listAll().stream()
                .filter(f -> !listed.contains(f.url()) && feeds.deleteIfUnsubscribed(f.id()))
                .forEach(f -> {
                    log.info("feed no longer configured or subscribed, stopped polling it: feed={} url={}", f.id(), f.url());
                });
    }

    /** @throws ConfigException when an entry's filter does not compile, naming the entry */
    void sync(List<FeedEntryConfig> entries) {
        Set<Long> keep = new HashSet<>();
        int withoutChannel = 0;
        for (int i = 0; i < entries.size(); i++) {
            FeedEntryConfig entry = entries.get(i);
            try {
                SubscriptionFilter.parse(entry.audience(), entry.include(), entry.exclude());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("feeds[" + i + "]." + e.getMessage());
            }
            long feedId = feeds.add(entry.url(), clock.instant(), defaultInterval);
            if (entry.channel() == null) {
                withoutChannel++;
                continue;
            }
            long channelId = Long.parseLong(entry.channel());
            Optional<Long> guild = guildOfChannel.apply(channelId);
            if (guild.isEmpty() && !shards.ownsAll()) {
                log.info("feeds[{}]: channel {} is not on this process's shards ({}); the process of its guild's shard posts there",
                        i, channelId, shards.describe());
            } else if (guild.isEmpty()) {
                log.warn("feeds[{}]: channel {} is not visible to the bot (wrong id, or the bot is not in that server); "
                        + "its cards will wait until it is", i, channelId);
            }
            keep.add(subscriptions.upsert(feedId, channelId, guild.orElse(null), entry.audience(), entry.include(),
                    entry.exclude(), SubscriptionSource.CONFIG, clock.instant(), entry.fullText()));
        }
        int removed = subscriptions.deleteConfigSubscriptionsNotIn(keep);
        dropOrphans(feeds, entries);
        log.info("config subscriptions synced: subscriptions={} removed={} feedsWithoutChannel={}", keep.size(), removed, withoutChannel);
        if (withoutChannel > 0) {
            log.warn("{} feed entries have no channel: they are polled but post nowhere; add channel: \"<channel id>\" to each", withoutChannel);
        }
    }
}
