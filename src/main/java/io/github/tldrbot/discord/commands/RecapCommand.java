package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.recap.RecapRequestException;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.store.GuildFeed;
import io.github.tldrbot.store.RecapStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /recap} (SPEC §7, §8.1): the best stories of the server's feeds over a day, week or month,
 * optionally for one audience, topic or feed. Everyone may use it, in a server; {@code private:true}
 * answers only the asker.
 */
public final class RecapCommand implements SlashCommand {
    static final String NAME = "recap";
    private static final int TOPIC_MAX = 100;

    private final RecapService service;
    private final RecapMessages messages;
    private final RecapStore store;
    private final Clock clock;
    private final AudienceChoices audiences;

    public RecapCommand(RecapService service, RecapMessages messages, RecapStore store, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.store = store;
        this.clock = clock;
        this.audiences = new AudienceChoices(service.audiences());
    }

    @Override
    public SlashCommandData data() {
        return Moderation.guildOnly(Commands.slash(NAME, "The best stories of this server's feeds over a day, week or month")
                .addOptions(
                        new OptionData(OptionType.STRING, "period", "How far back (default: week)")
                                .addChoice("day", "day").addChoice("week", "week").addChoice("month", "month"),
                        new OptionData(OptionType.STRING, "audience", "Only stories for this audience", false, true),
                        new OptionData(OptionType.STRING, "topic", "Only stories whose title or summary has these words")
                                .setMaxLength(TOPIC_MAX),
                        new OptionData(OptionType.STRING, "feed", "Only stories from this feed", false, true),
                        new OptionData(OptionType.INTEGER, "limit", "How many stories (1-25, default 10)")
                                .setRequiredRange(1, RecapRequest.MAX_LIMIT),
                        new OptionData(OptionType.BOOLEAN, "private", "Show the recap only to you")));
    }

    @Override
    public boolean ephemeral(SlashCommandInteractionEvent event) {
        OptionMapping privately = event.getOption("private");
        return privately != null && privately.getAsBoolean();
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws UserError {
        if (event.getGuild() == null) {
            throw new UserError("/recap works in a server: it recaps the feeds that server follows.");
        }
        RecapRequest request = new RecapRequest(event.getGuild().getIdLong(),
                period(event.getOption("period", "week", OptionMapping::getAsString)),
                audiences.idOrNull(event.getOption("audience", null, OptionMapping::getAsString)),
                event.getOption("topic", null, OptionMapping::getAsString),
                feed(event.getGuild().getIdLong(), event.getOption("feed", null, OptionMapping::getAsString)),
                limit(event.getOption("limit", (long) RecapRequest.DEFAULT_LIMIT, OptionMapping::getAsLong)),
                clock.instant());
        try {
            reply.message(messages.firstPage(request));
        } catch (RecapRequestException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The feed id for what was picked (an id) or typed (a unique part of a name or URL). */
    private Long feed(long guildId, String typed) throws UserError {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String wanted = typed.trim();
        List<GuildFeed> feeds = store.listGuildFeeds(guildId);
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 19) {
            long id = Long.parseLong(wanted);
            if (feeds.stream().anyMatch(f -> f.id() == id)) {
                return id;
            }
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<GuildFeed> named = feeds.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).contains(lower)
                || f.url().toLowerCase(Locale.ROOT).contains(lower)).toList();
        if (named.size() == 1) {
            return named.get(0).id();
        }
        throw new UserError("Unknown feed '" + wanted + "'; pick one of this server's feeds from the list"
                + (named.isEmpty() ? " (`/feed list` shows them)." : " (several feeds match that)."));
    }

    private static RecapPeriod period(String value) throws UserError {
        try {
            return RecapPeriod.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("period must be day, week or month.");
        }
    }

    private static int limit(long value) throws UserError {
        if (value < 1 || value > RecapRequest.MAX_LIMIT) {
            throw new UserError("limit must be between 1 and " + RecapRequest.MAX_LIMIT + ".");
        }
        return (int) value;
    }

    @Override
    public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().trim().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = new ArrayList<>();
        if (event.getFocusedOption().getName().equals("audience")) {
            return audiences.choices(typed);
        } else if (event.getFocusedOption().getName().equals("feed") && event.getGuild() != null) {
            for (GuildFeed f : store.listGuildFeeds(event.getGuild().getIdLong())) {
                if (f.name().toLowerCase(Locale.ROOT).contains(typed) || f.url().toLowerCase(Locale.ROOT).contains(typed)) {
                    choices.add(new Command.Choice(AudienceChoices.fit(f.name()), Long.toString(f.id())));
                }
            }
        }
        return choices.size() > 25 ? choices.subList(0, 25) : choices;
    }
}
