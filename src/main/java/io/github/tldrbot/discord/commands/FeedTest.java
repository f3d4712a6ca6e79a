package io.github.tldrbot.discord.commands;

import io.github.tldrbot.delivery.TestPosts;
import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed test}: posts the card of one of the guild's feeds' newest stored article to a channel
 * of the guild (default: this one) through {@link TestPosts}, marked as a test and not recorded.
 */
final class FeedTest implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedTest.class);

    private final GuildFeeds guildFeeds;
    private final TestPosts testPosts;

    FeedTest(GuildFeeds guildFeeds, TestPosts testPosts) {
        this.guildFeeds = guildFeeds;
        this.testPosts = testPosts;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("test", "Post the newest article's card now, marked as a test (not recorded)")
                .addOptions(FeedOptions.feed(), FeedOptions.channel("Where to post it (default: this channel)"));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        FeedRecord feed = guildFeeds.resolve(guildId, FeedOptions.string(event, FeedOptions.FEED));
        long channelId = FeedOptions.channelOrHere(event).getIdLong();
        // the interaction's id: unique per request, so Discord's nonce check never returns an earlier test
        TestPosts.Outcome outcome = testPosts.post(feed.id(), channelId, "t" + event.getIdLong());
        String label = DiscordMarkdown.escape(feed.label());
        if (outcome instanceof TestPosts.Outcome.NoArticle) {
            throw new UserError(feed.label() + " has no stored article yet; it gets some at its next successful poll "
                    + "(see /feed status).");
        }
        if (outcome instanceof TestPosts.Outcome.NotPosted notPosted) {
            throw new UserError("Could not post the test card in <#" + channelId + ">: " + notPosted.reason()
                    + ". Give the bot View Channel, Send Messages and Embed Links there, or pick another channel.");
        }
        TestPosts.Outcome.Posted posted = (TestPosts.Outcome.Posted) outcome;
        log.info("test card posted: feed={} article={} guild={} channel={} message={}", feed.id(), posted.article().id(),
                guildId, channelId, posted.messageId());
        String title = posted.article().article().title() == null ? "its newest article" : posted.article().article().title();
        reply.text(BoundedText.cap("🧪 Posted a test card of **" + DiscordMarkdown.escape(title) + "** (newest article of **"
                + label + "**) in <#" + channelId + ">: https://discord.com/channels/" + guildId + "/" + channelId + "/"
                + posted.messageId() + "\nIt is not recorded as delivered: the real card still comes when the bot posts it."));
    }
}
