package io.github.tldrbot.discord.commands;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Handles the buttons whose custom id starts with {@link #prefix()} followed by {@code ':'}
 * (e.g. recap paging). The router acknowledges the click ({@code deferEdit}) before calling
 * {@link #click}; the handler edits the message through {@code event.getHook()}.
 */
public interface ButtonHandler {
    String prefix();

    void click(ButtonInteractionEvent event) throws Exception;
}
