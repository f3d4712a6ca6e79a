package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.poll.FeedSeeder;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed add}: validates the URL, fetches it once (following a page's advertised feed),
 * checks the channel, the filters, duplicates and the guild's feed limit, seeds a new feed
 * without posting (SPEC §4.4), subscribes the channel and answers with a preview card.
 */
final class FeedAdd implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedAdd.class);

    private final BotConfig config;
    private final FeedLookup lookup;
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final FeedSeeder seeder;
    private final PreviewCardRenderer preview;
    private final Clock clock;

    FeedAdd(BotConfig config, FeedLookup lookup, FeedStore feeds, SubscriptionStore subscriptions, FeedSeeder seeder,
            PreviewCardRenderer preview, Clock clock) {
        this.config = config;
        this.lookup = lookup;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.seeder = seeder;
        this.preview = preview;
        this.clock = clock;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("add", "Subscribe a channel to a feed (its current articles are not posted)")
                .addOptions(FeedOptions.url(), FeedOptions.channel("Where cards are posted (default: this channel)"),
                        FeedOptions.audience(), FeedOptions.include(), FeedOptions.exclude(), FeedOptions.fullText());
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        GuildChannel channel = FeedOptions.channelOrHere(event);
        FilterInput filters = FilterInput.validated(FeedOptions.string(event, FeedOptions.AUDIENCE),
                FeedOptions.string(event, FeedOptions.INCLUDE), FeedOptions.string(event, FeedOptions.EXCLUDE), config.audiences());
        FullTextMode fullText = FeedOptions.fullText(event);
        PostingPermissions.require(channel);
        FoundFeed found = lookup.find(FeedOptions.string(event, FeedOptions.URL));
        String url = found.url().toString();
        Optional<FeedRecord> existing = feeds.findByUrl(url);
        checkDuplicateAndLimit(guildId, channel, existing, url);

        long feedId = feeds.add(url, clock.instant(), config.polling().defaultInterval());
        boolean wasDisabled = existing.isPresent() && existing.get().status() == FeedStatus.DISABLED;
        if (wasDisabled) {
            feeds.reactivate(feedId, clock.instant());
        }
        boolean seeded = existing.isEmpty() || !existing.get().seeded();
        if (seeded) {
            seeder.seed(feedId, found.fetched(), found.parsed(), config.polling().defaultInterval());
        }
        subscriptions.upsert(feedId, channel.getIdLong(), guildId, filters.audience(), filters.include(), filters.exclude(),
                SubscriptionSource.COMMAND, clock.instant(), fullText);
        log.info("feed subscribed by command: feed={} url={} guild={} channel={} seeded={} full_text={}", feedId, url,
                guildId, channel.getId(), seeded, fullText.id());

        String note = wasDisabled ? "This feed had been disabled (" + existing.get().disabledReason()
                + "); it fetched fine now, so it is polled again." : null;
        MessageCreateBuilder message = new MessageCreateBuilder().setContent(confirmation(found, channel, filters, fullText, note));
        Optional<MessageEmbed> card = preview.render(found.parsed(), channel.getIdLong());
        card.ifPresent(message::setEmbeds);
        reply.message(message.build());
    }

    private void checkDuplicateAndLimit(long guildId, GuildChannel channel, Optional<FeedRecord> existing, String url)
            throws UserError {
        if (existing.isPresent() && subscriptions.findByChannelAndFeed(channel.getIdLong(), existing.get().id()).isPresent()) {
            throw new UserError(channel.getAsMention() + " already gets " + url
                    + ". Use /feed filter to change its filters, or /feed remove to stop it.");
        }
        Set<Long> guildFeeds = subscriptions.listForGuild(guildId).stream().map(Subscription::feedId).collect(Collectors.toSet());
        int limit = config.limits().feedsPerGuild();
        boolean newToGuild = existing.isEmpty() || !guildFeeds.contains(existing.get().id());
        if (newToGuild && guildFeeds.size() >= limit) {
            throw new UserError("This server already follows " + guildFeeds.size() + " feeds, its limit (limits.feedsPerGuild = "
                    + limit + "). Remove one with /feed remove first.");
        }
    }

    /** @param note an extra line before the preview, or null */
    private static String confirmation(FoundFeed found, GuildChannel channel, FilterInput filters, FullTextMode fullText,
                                       String note) {
        String title = found.parsed().feed().title();
        StringBuilder text = new StringBuilder("✅ ").append(channel.getAsMention()).append(" now follows **")
                .append(title == null || title.isBlank() ? found.url() : DiscordMarkdown.escape(title)).append("** (<")
                .append(found.url()).append(">) with ").append(filters.describe()).append('.');
        if (fullText == FullTextMode.ALWAYS) {
            text.append(" Each new article's web page is read for its card (full-text: always).");
        } else if (fullText == FullTextMode.NEVER) {
            text.append(" Cards use only the feed's own text (full-text: never).");
        }
        text.append("\nIts ").append(found.parsed().articles().size())
                .append(" current articles are stored as already seen; only new ones will be posted.");
        if (found.discovered()) {
            text.append("\nThat address is a web page; I followed the feed it advertises.");
            if (!found.others().isEmpty()) {
                text.append(" It also advertises: ");
                int shown = 0;
                for (URI other : found.others()) {
                    if (shown == 5) {
                        text.append(" …and ").append(found.others().size() - shown).append(" more");
                        break;
                    }
                    text.append(shown == 0 ? "" : ", ").append('<').append(other).append('>');
                    shown++;
                }
                text.append(" (add them with /feed add if you want them too).");
            }
        }
        if (note != null) {
            text.append('\n').append(note);
        }
        if (found.parsed().articles().isEmpty()) {
            text.append("\nThe feed has no articles yet, so there is no preview.");
        } else {
            text.append("\nPreview of its newest article:");
        }
        return BoundedText.cap(text.toString());
    }
}
