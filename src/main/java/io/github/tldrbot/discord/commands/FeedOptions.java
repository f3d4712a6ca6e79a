package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.FullTextMode;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The options of the {@code /feed} subcommands (SPEC §7 names them; they are a public contract)
 * and how their values are read.
 */
final class FeedOptions {
    static final String URL = "url";
    static final String CHANNEL = "channel";
    static final String AUDIENCE = "audience";
    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";
    static final String FEED = "feed";
    static final String CLEAR = "clear";
    static final String FULL_TEXT = "full-text";
    static final String THREAD = "thread";
    static final String WEBHOOK_NAME = "webhook-name";
    static final String WEBHOOK_AVATAR = "webhook-avatar";

    private FeedOptions() {
    }

    static OptionData url() {
        return new OptionData(OptionType.STRING, URL, "Address of the feed, or of a web page that links to its feed", true);
    }

    static OptionData channel(String description) {
        return new OptionData(OptionType.CHANNEL, CHANNEL, description, false).setChannelTypes(ChannelType.TEXT, ChannelType.NEWS,
                ChannelType.FORUM);
    }

    static OptionData thread() {
        return new OptionData(OptionType.BOOLEAN, THREAD, "Start a discussion thread from each card (text channels)", false);
    }

    static OptionData webhookName(String description) {
        return new OptionData(OptionType.STRING, WEBHOOK_NAME, description, false).setMaxLength(80);
    }

    static OptionData webhookAvatar() {
        return new OptionData(OptionType.STRING, WEBHOOK_AVATAR, "Avatar image (http(s) URL) for cards posted under webhook-name", false);
    }

    /** A boolean option, or null when not given. */
    static Boolean bool(SlashCommandInteractionEvent event, String name) {
        return event.getOption(name, OptionMapping::getAsBoolean);
    }

    static OptionData audience() {
        return new OptionData(OptionType.STRING, AUDIENCE, "Post only cards for this audience", false, true);
    }

    static OptionData include() {
        return new OptionData(OptionType.STRING, INCLUDE, "Post only cards matching one of these: keywords, comma-separated, or /regex/", false);
    }

    static OptionData exclude() {
        return new OptionData(OptionType.STRING, EXCLUDE, "Never post cards matching these: keywords, comma-separated, or /regex/", false);
    }

    static OptionData fullText() {
        return new OptionData(OptionType.STRING, FULL_TEXT,
                "Read each article's web page for a fuller card (default auto: only when the feed gives a teaser)", false)
                .addChoice("auto: only when the feed gives a teaser", FullTextMode.AUTO.id())
                .addChoice("always: every article", FullTextMode.ALWAYS.id())
                .addChoice("never: use the feed's text", FullTextMode.NEVER.id());
    }

    /** The {@code full-text} option; {@code auto} when not given (Discord sends only the offered choices). */
    static FullTextMode fullText(SlashCommandInteractionEvent event) throws UserError {
        String value = string(event, FULL_TEXT);
        if (value == null) {
            return FullTextMode.AUTO;
        }
        return FullTextMode.parse(value).orElseThrow(() -> new UserError("full-text must be auto, always or never, not '"
                + value + "'."));
    }

    static OptionData feed() {
        return new OptionData(OptionType.STRING, FEED, "One of this server's feeds", true, true);
    }

    static String string(SlashCommandInteractionEvent event, String name) {
        return event.getOption(name, OptionMapping::getAsString);
    }

    /** The {@code channel} option, else the channel the command was run in. */
    static GuildChannel channelOrHere(SlashCommandInteractionEvent event) {
        GuildChannel chosen = event.getOption(CHANNEL, OptionMapping::getAsChannel);
        return chosen != null ? chosen : event.getGuildChannel();
    }

    /** The {@code channel} option's id, or null when not given. */
    static Long channelId(SlashCommandInteractionEvent event) {
        return event.getOption(CHANNEL, OptionMapping::getAsLong);
    }
}
