package io.github.tldrbot.usecase;

import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.poll.FeedSeeder;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.GuildFeedQuery;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.store.SubscriptionTargetStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscribe a channel to a feed whose document was just fetched ({@code /feed add}, OPML import):
 * refuses a duplicate and a guild over {@code limits.feedsPerGuild}; adds the feed (or re-activates
 * a disabled one, since it fetched fine now); seeds a feed that was never polled from the fetched
 * document so its current articles are never posted (SPEC §4.4); creates the subscription. All in
 * one transaction: the checks and the writes see the same state, and a refusal changes nothing.
 */
public final class Subscribe {
    private final Database database;
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final GuildFeedQuery guildFeeds;
    private final SubscriptionTargetStore targets;
    private final FeedSeeder seeder;
    private final int feedsPerGuild;
    private final Duration defaultInterval;
    private final Clock clock;

    public Subscribe(Database database, FeedStore feeds, SubscriptionStore subscriptions, FeedSeeder seeder,
                     int feedsPerGuild, Duration defaultInterval, Clock clock) {
        this(database, feeds, subscriptions, new SubscriptionTargetStore(database), seeder, feedsPerGuild, defaultInterval, clock);
    }

    public Subscribe(Database database, FeedStore feeds, SubscriptionStore subscriptions, SubscriptionTargetStore targets,
                     FeedSeeder seeder, int feedsPerGuild, Duration defaultInterval, Clock clock) {
        this.database = database;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.guildFeeds = new GuildFeedQuery(database); // a thin view over the same database, like the stores
        this.targets = targets;
        this.seeder = seeder;
        this.feedsPerGuild = feedsPerGuild;
        this.defaultInterval = defaultInterval;
        this.clock = clock;
    }

    /**
     * What to subscribe: a feed at {@code url} whose document {@code fetched} parsed as {@code parsed}.
     *
     * @param channelMention how the reply names the channel ("&lt;#id&gt;")
     * @param target         how the cards are posted there (thread, webhook), already {@link Targets#validated}
     */
    public record Request(long guildId, long channelId, String channelMention, String url, FetchResult.Ok fetched,
                          ParsedFeed parsed, Filters filters, FullTextMode fullText, SubscriptionSource source,
                          SubscriptionTarget target) {
        public Request {
            target = target == null ? SubscriptionTarget.PLAIN : target;
        }

        /** Cards posted as the bot, without threads. */
        public Request(long guildId, long channelId, String channelMention, String url, FetchResult.Ok fetched,
                       ParsedFeed parsed, Filters filters, FullTextMode fullText, SubscriptionSource source) {
            this(guildId, channelId, channelMention, url, fetched, parsed, filters, fullText, source, SubscriptionTarget.PLAIN);
        }
    }

    /**
     * @param seeded         whether the feed was seeded from the fetched document (it had never been polled)
     * @param disabledReason why the feed had been disabled before this re-activated it, or null
     */
    public record Subscribed(long feedId, long subscriptionId, boolean seeded, String disabledReason) {
    }

    /** @throws Refused when the channel already gets the feed or the guild is at its feed limit */
    public Subscribed run(Request request) throws Refused {
        return database.transaction(() -> {
            Optional<FeedRecord> existing = feeds.findByUrl(request.url());
            checkDuplicateAndLimit(request, existing);
            long feedId = feeds.add(request.url(), clock.instant(), defaultInterval);
            String disabledReason = null;
            if (existing.isPresent() && existing.get().status() == FeedStatus.DISABLED) {
                disabledReason = existing.get().disabledReason();
                feeds.reactivate(feedId, clock.instant());
            }
            boolean seed = existing.isEmpty() || !existing.get().seeded();
            if (seed) {
                seeder.seed(feedId, request.fetched(), request.parsed(), defaultInterval);
            }
            Filters f = request.filters();
            long subscriptionId = subscriptions.upsert(feedId, request.channelId(), request.guildId(), f.audience(), f.include(),
                    f.exclude(), request.source(), clock.instant(), request.fullText());
            targets.set(subscriptionId, request.target());
            return new Subscribed(feedId, subscriptionId, seed, disabledReason);
        });
    }

    /**
     * Subscribes a channel to a feed that is not fetched now (OPML import: a thousand synchronous
     * fetches would take minutes): the same refusals as {@link #run}; a feed never polled stays
     * unseeded, so its first poll stores its articles and posts none (SPEC §4.4), exactly as it
     * would have here. A disabled feed is re-activated, since someone asked for it again; its next
     * poll tells whether it works.
     *
     * @param guildId the channel's guild, or null when not known yet (CLI import without Discord):
     *                the limit is then counted over the channel's own feeds, a lower bound
     */
    public Subscribed runUnfetched(Long guildId, long channelId, String channelMention, String url, SubscriptionSource source)
            throws Refused {
        return database.transaction(() -> {
            Optional<FeedRecord> existing = feeds.findByUrl(url);
            checkDuplicateAndLimit(guildId, channelId, channelMention, url, existing);
            long feedId = feeds.add(url, clock.instant(), defaultInterval);
            String disabledReason = null;
            if (existing.isPresent() && existing.get().status() == FeedStatus.DISABLED) {
                disabledReason = existing.get().disabledReason();
                feeds.reactivate(feedId, clock.instant());
            }
            long subscriptionId = subscriptions.upsert(feedId, channelId, guildId, null, null, null, source, clock.instant(),
                    FullTextMode.AUTO);
            return new Subscribed(feedId, subscriptionId, false, disabledReason);
        });
    }

    private void checkDuplicateAndLimit(Request request, Optional<FeedRecord> existing) throws Refused {
        checkDuplicateAndLimit(request.guildId(), request.channelId(), request.channelMention(), request.url(), existing);
    }

    private void checkDuplicateAndLimit(Long guildId, long channelId, String channelMention, String url,
                                        Optional<FeedRecord> existing) throws Refused {
        if (existing.isPresent() && subscriptions.findByChannelAndFeed(channelId, existing.get().id()).isPresent()) {
            throw new AlreadySubscribed(channelMention + " already gets " + url
                    + ". Use /feed filter to change its filters, or /feed remove to stop it.");
        }
        int following;
        boolean newToGuild;
        if (guildId != null) {
            GuildFeedQuery.Count count = guildFeeds.count(guildId, existing.map(FeedRecord::id).orElse(-1L));
            following = count.feeds();
            newToGuild = !count.includesFeed();
        } else {
            Set<Long> channelFeeds = subscriptions.listForChannel(channelId).stream().map(Subscription::feedId)
                    .collect(Collectors.toSet());
            following = channelFeeds.size();
            newToGuild = existing.isEmpty() || !channelFeeds.contains(existing.get().id());
        }
        if (newToGuild && following >= feedsPerGuild) {
            throw new LimitReached("This server already follows " + following + " feeds, its limit (limits.feedsPerGuild = "
                    + feedsPerGuild + "). Remove one with /feed remove first.");
        }
    }

    /** The channel already gets the feed. */
    public static final class AlreadySubscribed extends Refused {
        AlreadySubscribed(String message) {
            super(message);
        }
    }

    /** The guild follows {@code limits.feedsPerGuild} feeds already. */
    public static final class LimitReached extends Refused {
        LimitReached(String message) {
            super(message);
        }
    }
}
