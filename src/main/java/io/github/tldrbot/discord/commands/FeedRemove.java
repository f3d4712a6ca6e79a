package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed remove}: deletes this guild's subscriptions of a feed (in one channel when given).
 *
 * <p>When nobody subscribes to the feed any more and the config file does not list it, the feed
 * row itself is deleted (with its stored articles and cards): the poller only polls feed rows, so
 * the feed stops being polled, and adding it again later starts fresh with a new seed. A feed the
 * config lists stays (config feeds without a channel are still polled, in preview mode too).
 */
final class FeedRemove implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedRemove.class);

    private final BotConfig config;
    private final GuildFeeds guildFeeds;
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;

    FeedRemove(BotConfig config, GuildFeeds guildFeeds, FeedStore feeds, SubscriptionStore subscriptions) {
        this.config = config;
        this.guildFeeds = guildFeeds;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("remove", "Stop posting a feed in this server (or in one channel)")
                .addOptions(FeedOptions.feed(), FeedOptions.channel("Only this channel (default: every channel of this server)"));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        FeedRecord feed = guildFeeds.resolve(guildId, FeedOptions.string(event, FeedOptions.FEED));
        Long channelId = FeedOptions.channelId(event);
        List<Subscription> targets = guildFeeds.subscriptions(guildId).stream()
                .filter(s -> s.feedId() == feed.id() && (channelId == null || s.channelId() == channelId)).toList();
        if (targets.isEmpty()) {
            throw new UserError("<#" + channelId + "> does not get " + GuildFeeds.label(feed) + "; see /feed list for where it is posted.");
        }
        targets.forEach(s -> subscriptions.delete(s.id()));
        String channels = targets.stream().map(s -> "<#" + s.channelId() + ">").collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("🗑️ Removed **").append(DiscordMarkdown.escape(GuildFeeds.label(feed))).append("** from ")
                .append(channels).append('.');
        if (!listedInConfig(feed) && feeds.deleteIfUnsubscribed(feed.id())) {
            text.append(" Nobody subscribes to it any more, so it is no longer polled.");
        }
        if (targets.stream().anyMatch(s -> s.source() == SubscriptionSource.CONFIG)) {
            text.append("\nNote: this subscription comes from the bot's config file and comes back at the next restart "
                    + "unless it is removed there too.");
        }
        log.info("feed unsubscribed by command: feed={} url={} guild={} subscriptions={}", feed.id(), feed.url(), guildId, targets.size());
        reply.text(BoundedText.cap(text.toString()));
    }

    private boolean listedInConfig(FeedRecord feed) {
        return config.feeds().stream().map(FeedEntryConfig::url).anyMatch(feed.url()::equals);
    }
}
