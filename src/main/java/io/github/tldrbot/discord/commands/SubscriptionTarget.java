package io.github.tldrbot.discord.commands;

import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.Subscription;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one subscription a {@code /feed pause}, {@code resume} or {@code why}-style command means: the
 * feed's subscription in the {@code channel} option; without it, the feed's only subscription in the
 * guild, or the one in the channel the command was run in; else the moderator is asked to say which.
 */
final class SubscriptionTarget {
    /** The {@code channel} option's description where this class picks the subscription. */
    static final String CHANNEL_HELP = "The subscription's channel (default: this one, when the feed posts in several)";

    private SubscriptionTarget() {
    }

    static Subscription resolve(GuildFeeds guildFeeds, long guildId, FeedRecord feed, Long channelId, long here) throws UserError {
        List<Subscription> ofFeed = guildFeeds.subscriptions(guildId).stream().filter(s -> s.feedId() == feed.id()).toList();
        if (channelId != null) {
            return ofFeed.stream().filter(s -> s.channelId() == channelId).findFirst().orElseThrow(() -> new UserError(
                    "<#" + channelId + "> does not get " + feed.label() + "; see /feed list for where it is posted."));
        }
        if (ofFeed.size() == 1) {
            return ofFeed.get(0);
        }
        return ofFeed.stream().filter(s -> s.channelId() == here).findFirst().orElseThrow(() -> new UserError(
                feed.label() + " is posted in several channels ("
                        + ofFeed.stream().map(s -> "<#" + s.channelId() + ">").collect(Collectors.joining(", "))
                        + "); say which with the channel option."));
    }
}
