package io.github.tldrbot.usecase;

import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.poll.FeedSeeder;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.FeedStore;
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

    private void checkDuplicateAndLimit(Request request, Optional<FeedRecord> existing) throws Refused {
        if (existing.isPresent() && subscriptions.findByChannelAndFeed(request.channelId(), existing.get().id()).isPresent()) {
            throw new Refused(request.channelMention() + " already gets " + request.url()
                    + ". Use /feed filter to change its filters, or /feed remove to stop it.");
        }
        Set<Long> guildFeeds = subscriptions.listForGuild(request.guildId()).stream().map(Subscription::feedId)
                .collect(Collectors.toSet());
        boolean newToGuild = existing.isEmpty() || !guildFeeds.contains(existing.get().id());
        if (newToGuild && guildFeeds.size() >= feedsPerGuild) {
            throw new Refused("This server already follows " + guildFeeds.size() + " feeds, its limit (limits.feedsPerGuild = "
                    + feedsPerGuild + "). Remove one with /feed remove first.");
        }
    }
}
