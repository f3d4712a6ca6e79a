package io.github.tldrbot.discord.commands;

import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The answer to a deferred interaction: edits the "thinking…" message the router sent. Blocking
 * (with a timeout) so a command knows its reply went out before it returns.
 */
public final class CommandReply {
    private static final long TIMEOUT_SECONDS = 30;
    private final InteractionHook hook;
    private volatile boolean replied;

    public CommandReply(InteractionHook hook) {
        this.hook = hook;
    }

    public void text(String content) {
        send(MessageEditData.fromContent(content));
    }

    public void message(MessageCreateData message) {
        send(MessageEditData.fromCreateData(message));
    }

    public void send(MessageEditData message) {
        try {
            hook.editOriginal(message).submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            replied = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replying", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not send the reply: " + e.getMessage(), e);
        }
    }

    /** Whether a reply went out (the router answers for handlers that never replied). */
    public boolean replied() {
        return replied;
    }

    public InteractionHook hook() {
        return hook;
    }
}
