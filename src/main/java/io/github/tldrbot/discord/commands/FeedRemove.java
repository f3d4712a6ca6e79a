package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.usecase.Unsubscribe;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed remove}: resolves the feed among the guild's, runs {@link Unsubscribe} (in every
 * channel of the server, or in the one given) and says whether the feed is still polled.
 */
final class FeedRemove implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedRemove.class);

    private final GuildFeeds guildFeeds;
    private final Unsubscribe unsubscribe;

    FeedRemove(GuildFeeds guildFeeds, Unsubscribe unsubscribe) {
        this.guildFeeds = guildFeeds;
        this.unsubscribe = unsubscribe;
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
        Unsubscribe.Unsubscribed done = unsubscribe.run(guildId, feed, FeedOptions.channelId(event));
        String channels = done.removed().stream().map(s -> "<#" + s.channelId() + ">").collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("🗑️ Removed **").append(DiscordMarkdown.escape(feed.label())).append("** from ")
                .append(channels).append('.');
        if (done.feedDropped()) {
            text.append(" Nobody subscribes to it any more, so it is no longer polled.");
        }
        if (done.fromConfigFile()) {
            text.append("\nNote: this subscription comes from the bot's config file and comes back at the next restart "
                    + "unless it is removed there too.");
        }
        log.info("feed unsubscribed by command: feed={} url={} guild={} subscriptions={}", feed.id(), feed.url(), guildId,
                done.removed().size());
        reply.text(BoundedText.cap(text.toString()));
    }
}
