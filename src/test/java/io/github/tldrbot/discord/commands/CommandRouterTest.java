package io.github.tldrbot.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import io.github.tldrbot.testing.discord.Interactions;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interaction discipline, with throwaway commands, against the stand-in and the real JDA. */
class CommandRouterTest {
    static final long GUILD = 100;
    static final long CHANNEL = 101;
    private FakeDiscord discord;
    private JDA jda;
    private CommandRouter router;
    private Interactions ui;

    /** A test command whose behaviour is a lambda. */
    record TestCommand(String name, boolean isEphemeral, Handler handler) implements SlashCommand {
        interface Handler {
            void run(SlashCommandInteractionEvent e, CommandReply r) throws Exception;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash(name, "test").addOption(OptionType.STRING, "text", "text", false, true);
        }

        @Override
        public boolean ephemeral(SlashCommandInteractionEvent event) {
            return isEphemeral;
        }

        @Override
        public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
            handler.run(event, reply);
        }

        @Override
        public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            return List.of(new Command.Choice(typed + "-one", "1"), new Command.Choice(typed + "-two", "2"));
        }
    }

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.builder().token("t").botUser(10, "bot").guild(g -> g.id(GUILD).name("G").textChannel(CHANNEL, "news"))
                .build().start();
        jda = FakeDiscordJda.connect(discord);
        router = new CommandRouter(List.of(
                new TestCommand("echo", false, (e, r) -> r.text("echo " + e.getOption("text").getAsString())),
                new TestCommand("private-echo", true, (e, r) -> r.text("secret")),
                new TestCommand("bad-input", false, (e, r) -> {
                    throw new UserError("That URL is not valid; give an http(s) address.");
                }),
                new TestCommand("crash", true, (e, r) -> {
                    throw new IllegalStateException("boom");
                }),
                new TestCommand("silent", true, (e, r) -> { })), List.of());
        jda.addEventListener(router);
        ui = new Interactions(discord, GUILD, CHANNEL, "news");
    }

    @AfterEach
    void stop() throws Exception {
        router.close();
        jda.shutdown();
        jda.awaitShutdown(java.time.Duration.ofSeconds(5));
        discord.close();
    }

    @Test
    void everyCommandIsDeferredThenAnswered() {
        Interactions.Sent sent = ui.slash("echo").string("text", "hi").send();
        assertThat(sent.awaitCallback().at("/body/type").asInt()).isEqualTo(5);
        assertThat(sent.ephemeral()).isFalse();
        assertThat(sent.awaitReplyText()).isEqualTo("echo hi");
    }

    @Test
    void ephemeralCommandsAreDeferredEphemerally() {
        Interactions.Sent sent = ui.slash("private-echo").send();
        assertThat(sent.ephemeral()).isTrue();
        assertThat(sent.awaitReplyText()).isEqualTo("secret");
    }

    @Test
    void aUserErrorOfAPublicCommandIsAnsweredPrivately() {
        Interactions.Sent sent = ui.slash("bad-input").send();
        org.awaitility.Awaitility.await().until(() -> discord.originalDeleted(sent.token()));
        ObjectNodeAssert.text(sent.awaitReply(), "⚠️ That URL is not valid; give an http(s) address.");
        assertThat(sent.awaitReply().path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void aCrashingHandlerStillAnswersAndTheBotKeepsRunning() {
        assertThat(ui.slash("crash").send().awaitReplyText()).startsWith("⚠️ Sorry, something went wrong");
        assertThat(ui.slash("echo").string("text", "after").send().awaitReplyText()).isEqualTo("echo after");
    }

    @Test
    void aHandlerThatNeverRepliesGetsDone() {
        assertThat(ui.slash("silent").send().awaitReplyText()).isEqualTo("Done.");
    }

    @Test
    void autocompleteIsAnswered() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> choices = ui.autocomplete("echo").focused("text", "ab").send().awaitChoices();
        assertThat(choices).extracting(c -> c.path("name").asText()).containsExactly("ab-one", "ab-two");
    }

    /** Small helper for message assertions. */
    static final class ObjectNodeAssert {
        static void text(com.fasterxml.jackson.databind.node.ObjectNode message, String expected) {
            assertThat(message.path("content").asText()).isEqualTo(expected);
        }
    }
}
