package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.RecapStore;
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
        commands.add(new FeedCommand(services));
        // recap commands
        RecapStore recapStore = new RecapStore(services.database());
        RecapService recaps = new RecapService(recapStore, services.config().audiences());
        RecapMessages recapMessages = new RecapMessages(recaps);
        commands.add(new RecapCommand(recaps, recapMessages, recapStore, services.clock()));
        commands.add(new AudiencesCommand(recaps, recapStore, services.clock()));
        buttons.add(new RecapPageButtons(recapMessages));
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
