package io.github.tldrbot.discord.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that lists the bot's slash commands and button handlers. Adding a command = one
 * class + one line here.
 */
public final class CommandCatalog {
    private final List<SlashCommand> commands = new ArrayList<>();
    private final List<ButtonHandler> buttons = new ArrayList<>();

    public CommandCatalog(CommandServices services) {
        // feed commands
        commands.add(new FeedCommand(services));
        // recap commands
        // audience and schedule commands
    }

    public List<SlashCommand> commands() {
        return List.copyOf(commands);
    }

    public List<ButtonHandler> buttons() {
        return List.copyOf(buttons);
    }
}
