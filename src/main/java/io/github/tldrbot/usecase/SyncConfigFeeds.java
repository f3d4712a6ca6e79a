package io.github.tldrbot.usecase;

import io.github.tldrbot.config.ConfigException;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.delivery.SubscriptionFilter;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SubscriptionTargetStore;
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
 * Make the store match the config file's {@code feeds:} (config as code), at start-up, in one
 * transaction: every listed feed exists; in Discord mode every entry with a channel is a
 * subscription with exactly the filters, {@code fullText}, {@code thread} and {@code webhook} written there, and config
 * subscriptions no longer listed are removed (subscriptions made by commands are never touched);
 * a feed that left the file and that nobody subscribes to any more stops being polled.
 */
public final class SyncConfigFeeds {
    private static final Logger log = LoggerFactory.getLogger(SyncConfigFeeds.class);

    private final Database database;
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final SubscriptionTargetStore targets;
    private final ShardSet shards;
    private final Duration defaultInterval;
    private final Clock clock;

    /**
     * @param shards this process's shards: a channel it cannot see may be another process's, which
     *               records the guild when it syncs (a known guild is never overwritten)
     */
    public SyncConfigFeeds(Database database, FeedStore feeds, SubscriptionStore subscriptions, ShardSet shards,
                           Duration defaultInterval, Clock clock) {
        this(database, feeds, subscriptions, new SubscriptionTargetStore(database), shards, defaultInterval, clock);
    }

    public SyncConfigFeeds(Database database, FeedStore feeds, SubscriptionStore subscriptions, SubscriptionTargetStore targets,
                           ShardSet shards, Duration defaultInterval, Clock clock) {
        this.database = database;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.shards = shards;
        this.defaultInterval = defaultInterval;
        this.clock = clock;
    }

    /** Preview mode: nothing is posted, so the entries only make their feeds exist. */
    public void feedsOnly(List<FeedEntryConfig> entries) {
        database.transaction(() -> {
            entries.forEach(entry -> feeds.add(entry.url(), clock.instant(), defaultInterval));
            dropOrphans(entries);
            return null;
        });
    }

    /**
     * Discord mode.
     *
     * @param guildOfChannel the guild a channel belongs to, as the bot sees it (empty: unknown channel)
     * @throws ConfigException when an entry's filter does not compile, naming the entry; nothing changes then
     */
    public void withSubscriptions(List<FeedEntryConfig> entries, LongFunction<Optional<Long>> guildOfChannel) {
        for (int i = 0; i < entries.size(); i++) {
            FeedEntryConfig entry = entries.get(i);
            try {
                SubscriptionFilter.parse(entry.audience(), entry.include(), entry.exclude());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("feeds[" + i + "]." + e.getMessage());
            }
        }
        // Discord is asked before the transaction: no network call while SQLite's write lock is held
        List<Optional<Long>> guilds = entries.stream()
                .map(e -> e.channel() == null ? Optional.<Long>empty() : guildOfChannel.apply(Long.parseLong(e.channel())))
                .toList();
        database.transaction(() -> {
            Set<Long> keep = new HashSet<>();
            int withoutChannel = 0;
            for (int i = 0; i < entries.size(); i++) {
                FeedEntryConfig entry = entries.get(i);
                long feedId = feeds.add(entry.url(), clock.instant(), defaultInterval);
                if (entry.channel() == null) {
                    withoutChannel++;
                    continue;
                }
                long channelId = Long.parseLong(entry.channel());
                if (guilds.get(i).isEmpty() && !shards.ownsAll()) {
                    log.info("feeds[{}]: channel {} is not on this process's shards ({}); the process of its guild's shard posts there",
                            i, channelId, shards.describe());
                } else if (guilds.get(i).isEmpty()) {
                    log.warn("feeds[{}]: channel {} is not visible to the bot (wrong id, or the bot is not in that server); "
                            + "its cards will wait until it is", i, channelId);
                }
                long id = subscriptions.upsert(feedId, channelId, guilds.get(i).orElse(null), entry.audience(), entry.include(),
                        entry.exclude(), SubscriptionSource.CONFIG, clock.instant(), entry.fullText());
                targets.set(id, Targets.of(entry.thread(), entry.webhook()));
                keep.add(id);
            }
            int removed = subscriptions.deleteConfigSubscriptionsNotIn(keep);
            dropOrphans(entries);
            log.info("config subscriptions synced: subscriptions={} removed={} feedsWithoutChannel={}", keep.size(), removed,
                    withoutChannel);
            if (withoutChannel > 0) {
                log.warn("{} feed entries have no channel: they are polled but post nowhere; add channel: \"<channel id>\" to each",
                        withoutChannel);
            }
            return null;
        });
    }

    private void dropOrphans(List<FeedEntryConfig> entries) {
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.url()));
        for (FeedRecord f : feeds.listAll()) {
            if (!listed.contains(f.url()) && feeds.deleteIfUnsubscribed(f.id())) {
                log.info("feed no longer configured or subscribed, stopped polling it: feed={} url={}", f.id(), f.url());
            }
        }
    }
}
