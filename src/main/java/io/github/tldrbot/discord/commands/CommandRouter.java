package io.github.tldrbot.discord.commands;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.usecase.Refused;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interaction discipline (SPEC §7): every slash command is acknowledged at once with a deferred
 * reply — well inside Discord's 3 seconds, whatever the command then does — and run on a small
 * pool off the gateway thread. Bad input ({@link UserError}) gets its message, ephemerally; any
 * other failure is logged and gets a short apology; a handler that never replied gets "Done.".
 * Autocomplete and buttons are routed the same way. Nothing a handler does can stop the bot.
 */
public final class CommandRouter extends ListenerAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    static final String APOLOGY = "Sorry, something went wrong on our side while running this command. "
            + "It has been logged; please try again in a moment.";

    private final Map<String, SlashCommand> commands = new HashMap<>();
    private final Map<String, ButtonHandler> buttons = new HashMap<>();
    private final ExecutorService pool;

    public CommandRouter(List<SlashCommand> commands, List<ButtonHandler> buttons) {
        for (SlashCommand c : commands) {
            this.commands.put(c.data().getName(), c);
        }
        for (ButtonHandler b : buttons) {
            this.buttons.put(b.prefix(), b);
        }
        this.pool = Executors.newFixedThreadPool(4, DaemonThreads.numbered("command-"));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            event.reply("This command is not known to this version of tldr-bot; the server may have an old command list.")
                    .setEphemeral(true).queue(null, e -> log.warn("reply failed: {}", e.toString()));
            return;
        }
        boolean ephemeral;
        try {
            ephemeral = command.ephemeral(event);
        } catch (RuntimeException e) {
            ephemeral = true;
        }
        event.deferReply(ephemeral).queue(null, e -> log.warn("could not acknowledge /{}: {}", event.getFullCommandName(), e.toString()));
        boolean privately = ephemeral;
        execute(() -> run(command, event, privately), () -> log.warn("command pool closed; /{} dropped", event.getFullCommandName()));
    }

    private void run(SlashCommand command, SlashCommandInteractionEvent event, boolean ephemeral) {
        CommandReply reply = new CommandReply(event.getHook());
        try {
            command.run(event, reply);
            if (!reply.replied()) {
                reply.text("Done.");
            }
        } catch (Refused e) {
            answerError(event, reply, ephemeral, e.getMessage());
        } catch (Exception e) {
            log.warn("command failed: command=/{} guild={} channel={} error={}", event.getFullCommandName(),
                    event.getGuild() == null ? "-" : event.getGuild().getId(), event.getChannelId(), e.toString(), e);
            answerError(event, reply, ephemeral, APOLOGY);
        }
    }

    /** Errors are for the person who ran the command: a public deferred reply is swapped for an ephemeral one. */
    private static void answerError(SlashCommandInteractionEvent event, CommandReply reply, boolean ephemeral, String message) {
        try {
            if (ephemeral) {
                reply.text("⚠️ " + message);
            } else {
                event.getHook().deleteOriginal().submit().get(30, TimeUnit.SECONDS);
                event.getHook().sendMessage("⚠️ " + message).setEphemeral(true).submit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not answer /{} with its error: {}", event.getFullCommandName(), e.toString());
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        execute(() -> {
            List<Command.Choice> choices;
            try {
                choices = command == null ? List.of() : command.autocomplete(event);
            } catch (RuntimeException e) {
                log.warn("autocomplete failed: command=/{} error={}", event.getFullCommandName(), e.toString());
                choices = List.of();
            }
            event.replyChoices(choices.size() > 25 ? choices.subList(0, 25) : choices)
                    .queue(null, e -> log.debug("autocomplete reply failed: {}", e.toString()));
        }, () -> event.replyChoices(List.of()).queue());
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        int colon = id.indexOf(':');
        ButtonHandler handler = colon < 0 ? null : buttons.get(id.substring(0, colon));
        if (handler == null) {
            event.reply("This button no longer works; run the command again.").setEphemeral(true).queue();
            return;
        }
        event.deferEdit().queue(null, e -> log.warn("could not acknowledge button {}: {}", id, e.toString()));
        execute(() -> {
            try {
                handler.click(event);
            } catch (Exception e) {
                log.warn("button failed: id={} error={}", id, e.toString(), e);
                event.getHook().sendMessage("⚠️ " + APOLOGY).setEphemeral(true).queue();
            }
        }, () -> { });
    }

    private void execute(Runnable task, Runnable rejected) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.run();
        }
    }

    /** Lets running handlers finish for a few seconds. */
    @Override
    public void close() {
        DaemonThreads.shutdown(pool, Duration.ofSeconds(10));
    }
}
