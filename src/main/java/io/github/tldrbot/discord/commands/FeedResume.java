package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.usecase.ResumeSubscription;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /feed resume}: finds the subscription meant and runs {@link ResumeSubscription}, with {@code catch-up} when asked. */
final class FeedResume implements FeedSubcommand {
    static final String CATCH_UP = "catch-up";
    private static final Logger log = LoggerFactory.getLogger(FeedResume.class);

    private final GuildFeeds guildFeeds;
    private final ResumeSubscription resume;
    private final int maxPostsPerPoll;

    FeedResume(GuildFeeds guildFeeds, ResumeSubscription resume, int maxPostsPerPoll) {
        this.guildFeeds = guildFeeds;
        this.resume = resume;
        this.maxPostsPerPoll = maxPostsPerPoll;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("resume", "Restart posting a paused feed in a channel")
                .addOptions(FeedOptions.feed(), FeedOptions.channel(SubscriptionTarget.CHANNEL_HELP),
                        new OptionData(OptionType.BOOLEAN, CATCH_UP,
                                "Also post the newest articles that arrived while paused (at most " + maxPostsPerPoll + ")", false));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        FeedRecord feed = guildFeeds.resolve(guildId, FeedOptions.string(event, FeedOptions.FEED));
        Subscription target = SubscriptionTarget.resolve(guildFeeds, guildId, feed, FeedOptions.channelId(event),
                event.getChannel().getIdLong());
        boolean catchUp = Boolean.TRUE.equals(event.getOption(CATCH_UP, OptionMapping::getAsBoolean));
        ResumeSubscription.Resumed resumed = resume.run(target, catchUp);
        log.info("subscription resumed by moderator: subscription={} feed={} channel={} guild={} catch_up={} queued={}",
                target.id(), feed.id(), target.channelId(), guildId, catchUp, resumed.caughtUp());
        StringBuilder text = new StringBuilder("▶️ Resumed **").append(DiscordMarkdown.escape(feed.label())).append("** in <#")
                .append(target.channelId()).append(">.");
        if (!catchUp) {
            text.append(" Articles that arrived while it was paused are not posted (catch-up:True posts the newest ")
                    .append(maxPostsPerPoll).append(" of them).");
        } else if (resumed.caughtUp() == 0) {
            text.append(" Nothing arrived while it was paused, so there is nothing to catch up.");
        } else {
            text.append(' ').append(resumed.caughtUp()).append(resumed.caughtUp() == 1 ? " article" : " articles")
                    .append(" that arrived while it was paused will be posted now, oldest first.");
        }
        reply.text(BoundedText.cap(text.toString()));
    }
}
