package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.ModeratorPause;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /feed status}: the health of the guild's feeds — ok / failing (since, last error) /
 * disabled (why) — with last and next poll as Discord relative timestamps (shown in each reader's
 * time zone), cards posted in the last 24 h, and paused subscriptions with their reason (or, for a
 * moderator's pause, who paused them and since when).
 */
final class FeedStatusReport implements FeedSubcommand {
    private static final Duration POSTED_WINDOW = Duration.ofHours(24);
    private static final int MAX_ERROR = 300;

    private final GuildFeeds guildFeeds;
    private final DeliveryStore deliveries;
    private final Clock clock;
    private final ModeratorPauseStore pauses;

    FeedStatusReport(GuildFeeds guildFeeds, DeliveryStore deliveries, ModeratorPauseStore pauses, Clock clock) {
        this.pauses = pauses;
        this.guildFeeds = guildFeeds;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("status", "Health of this server's feeds: failures, last and next poll, posts in 24 h");
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) {
        long guildId = event.getGuild().getIdLong();
        List<Subscription> subs = guildFeeds.subscriptions(guildId);
        if (subs.isEmpty()) {
            reply.text("This server follows no feeds yet. Add one with /feed add.");
            return;
        }
        Map<Long, FeedRecord> feeds = guildFeeds.feeds(subs);
        Map<Long, Integer> posted = deliveries.countSentSinceByFeed(guildId, clock.instant().minus(POSTED_WINDOW));
        Map<Long, ModeratorPause> paused = pauses.listForGuild(guildId);
        BoundedText text = new BoundedText("feeds");
        text.heading("**Feed status** (" + feeds.size() + " feeds)");
        for (FeedRecord feed : feeds.values()) {
            StringBuilder entry = new StringBuilder("• **").append(DiscordMarkdown.escape(feed.label())).append("** — ")
                    .append(health(feed)).append("\n  last poll ").append(timestamp(feed.lastPolledAt(), "never"))
                    .append(" · next poll ")
                    .append(feed.status() == FeedStatus.DISABLED ? "none (disabled)" : timestamp(feed.nextPollAt(), "soon"))
                    .append(" · posted in 24 h: ").append(posted.getOrDefault(feed.id(), 0));
            for (Subscription s : subs) {
                if (s.feedId() == feed.id() && s.status() == SubscriptionStatus.PAUSED) {
                    entry.append("\n  ⏸️ <#").append(s.channelId()).append("> paused").append(PauseText.after(s, paused.get(s.id())));
                }
            }
            text.entry(entry.toString());
        }
        reply.text(text.text());
    }

    static String health(FeedRecord feed) {
        if (feed.status() == FeedStatus.DISABLED) {
            return "⛔ disabled: " + (feed.disabledReason() == null ? "no reason recorded" : shortened(feed.disabledReason()));
        }
        if (feed.consecutiveFailures() > 0) {
            return "⚠️ failing since " + timestamp(feed.failingSince(), "recently") + " (" + feed.consecutiveFailures()
                    + (feed.consecutiveFailures() == 1 ? " failure" : " failures") + "): " + shortened(feed.lastError());
        }
        return feed.lastSuccessAt() == null ? "⏳ not polled yet" : "✅ ok";
    }

    /** Errors quote URLs and server text; one feed's entry must not crowd out the others. */
    private static String shortened(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }

    /** Discord renders {@code <t:epoch:R>} as "3 minutes ago" / "in 5 minutes" for every reader. */
    static String timestamp(Instant at, String none) {
        return at == null ? none : "<t:" + at.getEpochSecond() + ":R>";
    }
}
