package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.usecase.ChangeFilters;
import io.github.tldrbot.usecase.Targets;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /feed filter}: finds the one subscription meant (the feed, and the channel when it posts in
 * several) and runs {@link ChangeFilters} with the options given.
 */
final class FeedFilter implements FeedSubcommand {
    private final AudienceChoices audiences;
    private final GuildFeeds guildFeeds;
    private final ChangeFilters changeFilters;

    FeedFilter(AudienceChoices audiences, GuildFeeds guildFeeds, ChangeFilters changeFilters) {
        this.audiences = audiences;
        this.guildFeeds = guildFeeds;
        this.changeFilters = changeFilters;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("filter", "Change which cards of a feed a channel gets")
                .addOptions(FeedOptions.feed(), FeedOptions.channel("The subscription's channel (needed when the feed posts in several)"),
                        FeedOptions.audience(), FeedOptions.include(), FeedOptions.exclude(),
                        new OptionData(OptionType.BOOLEAN, FeedOptions.CLEAR, "Remove every filter", false),
                        FeedOptions.thread(), FeedOptions.webhookName("Post the cards through a webhook under this name; none: as the bot"),
                        FeedOptions.webhookAvatar());
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        FeedRecord feed = guildFeeds.resolve(guildId, FeedOptions.string(event, FeedOptions.FEED));
        Subscription target = target(guildId, feed, FeedOptions.channelId(event));
        boolean clear = Boolean.TRUE.equals(event.getOption(FeedOptions.CLEAR, OptionMapping::getAsBoolean));
        ChangeFilters.TargetChange change = new ChangeFilters.TargetChange(FeedOptions.bool(event, FeedOptions.THREAD),
                FeedOptions.string(event, FeedOptions.WEBHOOK_NAME), FeedOptions.string(event, FeedOptions.WEBHOOK_AVATAR));
        GuildChannel channel = event.getGuild().getGuildChannelById(target.channelId());
        if (channel != null && (change.thread() != null || change.webhookName() != null)) {
            // what the change turns on must work in that channel; refused before anything is stored
            PostingPermissions.requireTarget(channel, Targets.validatedChange(guildFeeds.target(target.id()), change));
        }
        ChangeFilters.Changed changed = changeFilters.run(target, audiences.idOrNull(FeedOptions.string(event, FeedOptions.AUDIENCE)),
                FeedOptions.string(event, FeedOptions.INCLUDE), FeedOptions.string(event, FeedOptions.EXCLUDE), clear, change);
        String where = Targets.describe(changed.target());
        String text = "🔧 **" + DiscordMarkdown.escape(feed.label()) + "** in <#" + target.channelId() + ">: now "
                + changed.filters().describe() + (where.isEmpty() ? "" : " · " + where)
                + ". Cards from now on follow the new settings.";
        if (target.source() == SubscriptionSource.CONFIG) {
            text += "\nNote: this subscription comes from the bot's config file, which sets its filters again at the next restart; "
                    + "change them there too.";
        }
        reply.text(BoundedText.cap(text));
    }

    private Subscription target(long guildId, FeedRecord feed, Long channelId) throws UserError {
        List<Subscription> ofFeed = guildFeeds.subscriptions(guildId).stream().filter(s -> s.feedId() == feed.id()).toList();
        if (channelId != null) {
            return ofFeed.stream().filter(s -> s.channelId() == channelId).findFirst().orElseThrow(() -> new UserError(
                    "<#" + channelId + "> does not get " + feed.label() + "; see /feed list for where it is posted."));
        }
        if (ofFeed.size() > 1) {
            throw new UserError(feed.label() + " is posted in several channels ("
                    + ofFeed.stream().map(s -> "<#" + s.channelId() + ">").collect(Collectors.joining(", "))
                    + "); say which with the channel option.");
        }
        return ofFeed.get(0);
    }
}
