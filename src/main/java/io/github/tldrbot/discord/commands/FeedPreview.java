package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.DiscordMarkdown;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /feed preview}: the card of a feed's newest article, without subscribing and without
 * writing anything to the store. Same URL checks, discovery and errors as {@code /feed add}.
 */
final class FeedPreview implements FeedSubcommand {
    private final FeedLookup lookup;
    private final PreviewCardRenderer preview;

    FeedPreview(FeedLookup lookup, PreviewCardRenderer preview) {
        this.lookup = lookup;
        this.preview = preview;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("preview", "Show the card of a feed's newest article, without subscribing")
                .addOptions(FeedOptions.url());
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        FoundFeed found = lookup.find(FeedOptions.string(event, FeedOptions.URL));
        String title = found.parsed().feed().title();
        String name = title == null || title.isBlank() ? found.url().toString() : DiscordMarkdown.escape(title);
        Optional<MessageEmbed> card = preview.render(found.parsed(), event.getChannelIdLong());
        StringBuilder text = new StringBuilder();
        if (card.isEmpty()) {
            text.append("**").append(name).append("** (<").append(found.url()).append(">) is a valid feed but has no articles yet.");
        } else {
            text.append("Newest article of **").append(name).append("** (<").append(found.url()).append(">), ")
                    .append(found.parsed().articles().size()).append(" articles in the feed. Not subscribed: use /feed add for that.");
        }
        if (found.platform() != null) {
            text.append('\n').append(found.platform());
        }
        if (found.discovered()) {
            text.append("\nThat address is a web page; this is the first feed it advertises")
                    .append(found.others().isEmpty() ? "." : " (it advertises " + (found.others().size() + 1) + ").");
        }
        MessageCreateBuilder message = new MessageCreateBuilder().setContent(BoundedText.cap(text.toString()));
        card.ifPresent(message::setEmbeds);
        reply.message(message.build());
    }
}
