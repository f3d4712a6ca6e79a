package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.discord.DiscordMarkdown;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.usecase.Filters;
import io.github.tldrbot.usecase.Subscribe;
import io.github.tldrbot.usecase.Targets;
import java.net.URI;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed add}: reads the options, checks the channel's permissions, fetches the URL once
 * (following a page's advertised feed), hands the rest to {@link Subscribe} (duplicates, the
 * guild's feed limit, seeding, the subscription — one transaction) and answers with a preview card.
 */
final class FeedAdd implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedAdd.class);

    private final AudienceChoices audiences;
    private final FeedLookup lookup;
    private final Subscribe subscribe;
    private final PreviewCardRenderer preview;

    FeedAdd(AudienceChoices audiences, FeedLookup lookup, Subscribe subscribe, PreviewCardRenderer preview) {
        this.audiences = audiences;
        this.lookup = lookup;
        this.subscribe = subscribe;
        this.preview = preview;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("add", "Subscribe a channel to a feed (its current articles are not posted)")
                .addOptions(FeedOptions.url(), FeedOptions.channel("Where cards are posted (default: this channel)"),
                        FeedOptions.audience(), FeedOptions.include(), FeedOptions.exclude(), FeedOptions.fullText(),
                        FeedOptions.thread(), FeedOptions.webhookName("Post the cards through a webhook under this name"),
                        FeedOptions.webhookAvatar());
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        long guildId = event.getGuild().getIdLong();
        GuildChannel channel = FeedOptions.channelOrHere(event);
        Filters filters = Filters.validated(audiences.idOrNull(FeedOptions.string(event, FeedOptions.AUDIENCE)),
                FeedOptions.string(event, FeedOptions.INCLUDE), FeedOptions.string(event, FeedOptions.EXCLUDE));
        FullTextMode fullText = FeedOptions.fullText(event);
        SubscriptionTarget target = Targets.validated(Boolean.TRUE.equals(FeedOptions.bool(event, FeedOptions.THREAD)),
                FeedOptions.string(event, FeedOptions.WEBHOOK_NAME), FeedOptions.string(event, FeedOptions.WEBHOOK_AVATAR));
        PostingPermissions.require(channel);
        PostingPermissions.requireTarget(channel, target);
        FoundFeed found = lookup.find(FeedOptions.string(event, FeedOptions.URL));
        Subscribe.Subscribed done = subscribe.run(new Subscribe.Request(guildId, channel.getIdLong(), channel.getAsMention(),
                found.url().toString(), found.fetched(), found.parsed(), filters, fullText, SubscriptionSource.COMMAND, target));
        log.info("feed subscribed by command: feed={} url={} guild={} channel={} seeded={} full_text={}", done.feedId(),
                found.url(), guildId, channel.getId(), done.seeded(), fullText.id());

        String note = done.disabledReason() == null ? null : "This feed had been disabled (" + done.disabledReason()
                + "); it fetched fine now, so it is polled again.";
        String where = Targets.describe(target);
        note = where.isEmpty() ? note : "Cards: " + where + "." + (note == null ? "" : "\n" + note);
        MessageCreateBuilder message = new MessageCreateBuilder().setContent(confirmation(found, channel, filters, fullText, note));
        Optional<MessageEmbed> card = preview.render(found.parsed(), channel.getIdLong());
        card.ifPresent(message::setEmbeds);
        reply.message(message.build());
    }

    /** @param note an extra line before the preview, or null */
    private static String confirmation(FoundFeed found, GuildChannel channel, Filters filters, FullTextMode fullText,
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
        if (found.platform() != null) {
            text.append("\n").append(found.platform());
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
