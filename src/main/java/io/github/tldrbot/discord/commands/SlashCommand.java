package io.github.tldrbot.discord.commands;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command (SPEC §7). Adding a command = one class implementing this + one line in
 * {@link CommandCatalog}. The {@link CommandRouter} acknowledges every interaction at once (a
 * deferred reply, ephemeral when {@link #ephemeral} says so), then calls {@link #run} off the
 * gateway thread; whatever {@code run} replies edits that deferred reply.
 */
public interface SlashCommand {

    /** The definition registered with Discord: name, description, options, permissions, contexts. */
    SlashCommandData data();

    /** Whether the reply is visible to the invoking user only. Moderator replies always are. */
    boolean ephemeral(SlashCommandInteractionEvent event);

    /**
     * Handles one invocation. Reply through {@code reply}. Throw {@link UserError} for bad input:
     * the router answers with its message, ephemerally. Any other exception is logged and answered
     * with a generic apology; the bot keeps running.
     */
    void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception;

    /** Choices for the focused option (at most 25). Default: none. Must be quick (Discord waits 3 s). */
    default List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        return List.of();
    }
}
