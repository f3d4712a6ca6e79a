package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapRequestException;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The ◀ ▶ buttons of a recap: re-runs the recap the button describes (same window, same filters,
 * this server's feeds) and edits the message to the wanted page.
 */
public final class RecapPageButtons implements ButtonHandler {
    private final RecapMessages messages;

    public RecapPageButtons(RecapMessages messages) {
        this.messages = messages;
    }

    @Override
    public String prefix() {
        return "recap";
    }

    @Override
    public void click(ButtonInteractionEvent event) {
        Optional<MessageCreateData> page = Optional.empty();
        if (event.getGuild() != null) {
            try {
                page = messages.pageFor(event.getComponentId(), event.getGuild().getIdLong());
            } catch (RecapRequestException e) {
                event.getHook().sendMessage("⚠️ " + e.getMessage()).setEphemeral(true).queue();
                return;
            }
        }
        if (page.isEmpty()) {
            event.getHook().sendMessage("⚠️ These buttons no longer work; run /recap again.").setEphemeral(true).queue();
            return;
        }
        event.getHook().editOriginal(MessageEditData.fromCreateData(page.get())).queue();
    }
}
