package io.github.tldrbot.discord.commands;

import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.RecapScheduleStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that lists the bot's slash commands and button handlers. Adding a command = one
 * class + one line here.
 */
public final class CommandCatalog {
    private final List<SlashCommand> commands = new ArrayList<>();
    private final List<ButtonHandler> buttons = new ArrayList<>();

    /** Without a running recap scheduler (tests of other commands): schedules take effect at the next start. */
    public CommandCatalog(CommandServices services) {
        this(services, RecapScheduleChanges.NONE);
    }

    /** @param recapSchedules the running recap scheduler, told when /recap-schedule adds or removes one */
    public CommandCatalog(CommandServices services, RecapScheduleChanges recapSchedules) {
        // feed commands
        // recap commands
        // audience and schedule commands
        commands.add(new AudienceRoleCommand(services.config().audiences(), services.roles()));
        commands.add(new RecapScheduleCommand(services.config().audiences(), new RecapScheduleStore(services.database()),
                recapSchedules, services.clock()));
    }

    public List<SlashCommand> commands() {
        return List.copyOf(commands);
    }

    public List<ButtonHandler> buttons() {
        return List.copyOf(buttons);
    }
}
