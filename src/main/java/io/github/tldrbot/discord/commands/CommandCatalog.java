package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapService;
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

    public CommandCatalog(CommandServices services) {
        // feed commands
        commands.add(new FeedCommand(services));
        // recap commands
        RecapStore recapStore = services.recaps();
        RecapService recaps = new RecapService(recapStore, services.config().audiences());
        RecapMessages recapMessages = new RecapMessages(recaps);
        commands.add(new RecapCommand(recaps, recapMessages, recapStore, services.clock()));
        commands.add(new AudiencesCommand(recaps, recapStore, services.clock()));
        buttons.add(new RecapPageButtons(recapMessages));
        // audience and schedule commands
        commands.add(new AudienceRoleCommand(services.config().audiences(), services.useCases().assignAudienceRole()));
        commands.add(new RecapScheduleCommand(services.config().audiences(), services.recapSchedules(),
                services.useCases().scheduleRecap(), services.useCases().cancelRecap(), services.clock()));
    }

    public List<SlashCommand> commands() {
        return List.copyOf(commands);
    }

    public List<ButtonHandler> buttons() {
        return List.copyOf(buttons);
    }
}
