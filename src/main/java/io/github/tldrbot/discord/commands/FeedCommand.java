package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.FeedDiscovery;
import io.github.tldrbot.usecase.Refused;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /feed} (SPEC §7): one moderator-only slash command whose subcommands — add, remove, list,
 * filter, status, preview, why, pause, resume, test, import, export — each live in their own small class. Replies are always ephemeral
 * (moderation chatter stays out of the channel). Autocomplete: {@code feed} offers the guild's
 * feeds, {@code audience} the configured audiences.
 */
public final class FeedCommand implements SlashCommand {
    /** Room for the router's "⚠️ " prefix within Discord's 2000 characters. */
    private static final int MAX_ERROR = 1900;

    private final Map<String, FeedSubcommand> subcommands = new LinkedHashMap<>();
    private final GuildFeeds guildFeeds;
    private final List<AudienceConfig> audiences;
    private final AudienceChoices audienceChoices;

    public FeedCommand(CommandServices services) {
        this.guildFeeds = new GuildFeeds(services.feeds(), services.subscriptions());
        this.audiences = services.config().audiences();
        this.audienceChoices = new AudienceChoices(audiences);
        FeedLookup lookup = new FeedLookup(services.fetcher(), services.parser(), new FeedDiscovery());
        PreviewCardRenderer preview = new PreviewCardRenderer(services.summarizer(), services.embeds(), services.clock());
        add(new FeedAdd(audienceChoices, lookup, services.useCases().subscribe(), preview));
        add(new FeedRemove(guildFeeds, services.useCases().unsubscribe()));
        add(new FeedList(guildFeeds, services.pauses()));
        add(new FeedFilter(audienceChoices, guildFeeds, services.useCases().changeFilters()));
        add(new FeedStatusReport(guildFeeds, services.deliveries(), services.pauses(), services.clock()));
        add(new FeedPreview(lookup, preview));
        add(new FeedWhy(services.useCases().explainArticle(), services.feeds()));
        add(new FeedPause(guildFeeds, services.useCases().pauseSubscription()));
        add(new FeedResume(guildFeeds, services.useCases().resumeSubscription(), services.config().polling().maxPostsPerPoll()));
        add(new FeedTest(guildFeeds, services.testPosts()));
        add(new FeedImport(services.useCases().importOpml(), services.fetcher()));
        add(new FeedExport(services.useCases().exportOpml()));
    }

    private void add(FeedSubcommand subcommand) {
        subcommands.put(subcommand.data().getName(), subcommand);
    }

    @Override
    public SlashCommandData data() {
        SlashCommandData data = Commands.slash("feed", "Manage the feeds this server follows");
        subcommands.values().forEach(s -> data.addSubcommands(s.data()));
        return Moderation.moderatorOnly(data);
    }

    @Override
    public boolean ephemeral(SlashCommandInteractionEvent event) {
        return true;
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        if (event.getGuild() == null) {
            throw new UserError("/feed works in a server only.");
        }
        FeedSubcommand subcommand = subcommands.get(event.getSubcommandName());
        if (subcommand == null) {
            throw new UserError("Unknown subcommand; use one of: " + String.join(", ", subcommands.keySet()) + ".");
        }
        try {
            subcommand.run(event, reply);
        } catch (Refused e) {
            // Messages quote what the user typed (up to 6000 characters): keep them sendable.
            throw e.getMessage().length() <= MAX_ERROR ? e : new UserError(e.getMessage().substring(0, MAX_ERROR - 1) + "…");
        }
    }

    @Override
    public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        return switch (event.getFocusedOption().getName()) {
            case FeedOptions.FEED -> event.getGuild() == null ? List.of() : guildFeeds.choices(event.getGuild().getIdLong(), typed);
            case FeedOptions.AUDIENCE -> audienceChoices.choices(typed);
            default -> List.of();
        };
    }
}
