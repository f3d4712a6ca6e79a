package io.github.tldrbot.discord.commands;

import io.github.tldrbot.usecase.Filters;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.ModeratorPause;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.usecase.Targets;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /feed list}: the guild's subscriptions with their filters and state, grouped by channel. */
final class FeedList implements FeedSubcommand {
    private final GuildFeeds guildFeeds;
    private final ModeratorPauseStore pauses;

    FeedList(GuildFeeds guildFeeds, ModeratorPauseStore pauses) {
        this.guildFeeds = guildFeeds;
        this.pauses = pauses;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("list", "This server's feed subscriptions and their filters")
                .addOptions(FeedOptions.channel("Only this channel"));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) {
        Long channelId = FeedOptions.channelId(event);
        List<Subscription> subs = guildFeeds.subscriptions(event.getGuild().getIdLong()).stream()
                .filter(s -> channelId == null || s.channelId() == channelId).toList();
        if (subs.isEmpty()) {
            reply.text(channelId == null ? "This server follows no feeds yet. Add one with /feed add."
                    : "<#" + channelId + "> gets no feeds. Add one with /feed add.");
            return;
        }
        Map<Long, FeedRecord> feeds = guildFeeds.feeds(subs);
        Map<Long, ModeratorPause> paused = pauses.listForGuild(event.getGuild().getIdLong());
        Map<Long, SubscriptionTarget> targets = guildFeeds.targets(event.getGuild().getIdLong());
        BoundedText text = new BoundedText("subscriptions");
        text.heading("**Feeds in this server** (" + subs.size() + " subscriptions)");
        long channel = -1;
        for (Subscription s : subs) {
            if (s.channelId() != channel) {
                channel = s.channelId();
                text.heading("<#" + channel + ">");
            }
            FeedRecord feed = feeds.get(s.feedId());
            String label = feed == null ? "feed " + s.feedId() : DiscordMarkdown.escape(feed.label());
            String fullText = s.fullText() == FullTextMode.AUTO ? "" : " · full-text: " + s.fullText().id();
            String where = Targets.describe(targets.getOrDefault(s.id(), SubscriptionTarget.PLAIN));
            text.entry("• **" + label + "** — " + new Filters(s.audience(), s.include(), s.exclude()).describe()
                    + fullText + (where.isEmpty() ? "" : " · " + where) + " — " + state(s, paused.get(s.id())));
        }
        reply.text(text.text());
    }

    static String state(Subscription s, ModeratorPause pause) {
        if (s.status() == SubscriptionStatus.PAUSED) {
            return "⏸️ paused" + PauseText.after(s, pause);
        }
        return "active";
    }
}
