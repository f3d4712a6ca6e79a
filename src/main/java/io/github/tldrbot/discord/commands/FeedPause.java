package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.usecase.PauseSubscription;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /feed pause}: finds the subscription meant and runs {@link PauseSubscription} for the moderator. */
final class FeedPause implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedPause.class);

    private final GuildFeeds guildFeeds;
    private final PauseSubscription pause;

    FeedPause(GuildFeeds guildFeeds, PauseSubscription pause) {
        this.guildFeeds = guildFeeds;
        this.pause = pause;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("pause", "Stop posting a feed in a channel for now, keeping its settings")
                .addOptions(FeedOptions.feed(), FeedOptions.channel(SubscriptionTarget.CHANNEL_HELP));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        FeedRecord feed = guildFeeds.resolve(guildId, FeedOptions.string(event, FeedOptions.FEED));
        Subscription target = SubscriptionTarget.resolve(guildFeeds, guildId, feed, FeedOptions.channelId(event),
                event.getChannel().getIdLong());
        PauseSubscription.Paused paused = pause.run(target, event.getUser().getIdLong());
        String label = DiscordMarkdown.escape(feed.label());
        if (paused.already()) {
            reply.text(BoundedText.cap("**" + label + "** in <#" + target.channelId() + "> is already paused by <@"
                    + paused.pause().moderatorId() + "> since " + FeedStatusReport.timestamp(paused.pause().pausedAt(), "a while")
                    + ". Restart it with /feed resume."));
            return;
        }
        log.info("subscription paused by moderator: subscription={} feed={} channel={} guild={} moderator={}",
                target.id(), feed.id(), target.channelId(), guildId, event.getUser().getIdLong());
        reply.text(BoundedText.cap("⏸️ Paused **" + label + "** in <#" + target.channelId() + ">. Its filters stay; new "
                + "articles are not posted there meanwhile (/feed why tells them apart). Restart it with /feed resume — "
                + "add catch-up:True to post the newest of what arrived while paused."));
    }
}
