package io.github.tldrbot.discord.commands;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** One subcommand of {@code /feed}; {@link FeedCommand} registers and dispatches them. */
interface FeedSubcommand {
    SubcommandData data();

    /** Runs in a guild (the command is guild-only); replies through {@code reply} or throws {@link UserError}. */
    void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception;
}
