package io.github.tldrbot.testing.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Smoke tests of the stand-in with the real JDA: login, sending, limits, faults, gateway life. */
class FakeDiscordTest {
    private static final long GUILD = 100;
    private static final long NEWS = 101;
    private static final long LOCKED = 102;
    private static final long OTHER = 103;
    private static final long ROLE = 110;

    private FakeDiscord discord;
    private JDA jda;

    @BeforeEach
    void start() throws InterruptedException {
        discord = FakeDiscord.builder()
                .token("secret-token")
                .botUser(4242, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News Guild")
                        .textChannel(NEWS, "news")
                        .textChannel(LOCKED, "locked", FakeDiscord.denyBotPermissions(Permission.MESSAGE_SEND))
                        .textChannel(OTHER, "other")
                        .role(ROLE, "subscribers")
                        .systemChannel(NEWS))
                .build()
                .start();
        jda = FakeDiscordJda.connect(discord);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (jda != null) {
            // graceful first: shutdownNow() interrupts a rate-limit bucket worker in back-off and
            // JDA prints "Unable to acquire lock while thread is interrupted" to stderr
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
        }
        discord.close();
    }

    @Test
    void logsInAndSeesGuildChannelsAndPermissions() {
        Guild guild = jda.getGuildById(GUILD);
        assertThat(guild).isNotNull();
        assertThat(guild.getName()).isEqualTo("News Guild");
        assertThat(guild.getSystemChannel()).isNotNull().extracting(TextChannel::getIdLong).isEqualTo(NEWS);
        assertThat(guild.getRoleById(ROLE)).isNotNull().extracting(r -> r.getName()).isEqualTo("subscribers");
        assertThat(jda.getSelfUser().getIdLong()).isEqualTo(4242);

        TextChannel news = jda.getTextChannelById(NEWS);
        assertThat(news).isNotNull();
        assertThat(news.getName()).isEqualTo("news");
        assertThat(news.canTalk()).isTrue();
        assertThat(jda.getTextChannelById(LOCKED).canTalk()).isFalse();

        assertThat(discord.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("users/@me");
            assertThat(r.header("Authorization")).isEqualTo("Bot secret-token");
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(discord.unroutedRequests()).isEmpty();
        assertThat(discord.identifies()).isEqualTo(1);
    }

    @Test
    void wrongTokenFailsLoginQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> FakeDiscordJda.builder(discord).setToken("wrong-token").build())
                        .isInstanceOf(InvalidTokenException.class));
        assertThat(discord.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("users/@me");
            assertThat(r.status()).isEqualTo(401);
        });
    }

    @Test
    void textAndEmbedReachTheStandInWithNonceAndComeBackAsMessages() {
        TextChannel news = jda.getTextChannelById(NEWS);
        Message text = news.sendMessage("hello <@&" + ROLE + ">").complete();
        Message card = news.sendMessageEmbeds(new EmbedBuilder().setTitle("Title").setDescription("TL;DR")
                .setUrl("https://example.org/a").build()).complete();

        List<ObjectNode> stored = discord.messages(NEWS);
        assertThat(stored).hasSize(2);
        assertThat(text.getId()).isEqualTo(stored.get(0).get("id").asText());
        assertThat(text.getContentRaw()).isEqualTo("hello <@&" + ROLE + ">");
        assertThat(text.getAuthor().getIdLong()).isEqualTo(4242);
        assertThat(card.getId()).isEqualTo(stored.get(1).get("id").asText());
        assertThat(card.getEmbeds()).singleElement().satisfies(e -> {
            assertThat(e.getTitle()).isEqualTo("Title");
            assertThat(e.getDescription()).isEqualTo("TL;DR");
        });
        assertThat(stored.get(1).get("embeds").get(0).get("type").asText()).isEqualTo("rich");
        assertThat(stored.get(1).get("embeds").get(0).get("url").asText()).isEqualTo("https://example.org/a");
        for (ObjectNode m : stored) {
            assertThat(m.path("nonce").asText()).isNotBlank();
        }
        assertThat(stored.get(0).get("nonce").asText()).isNotEqualTo(stored.get(1).get("nonce").asText());
        assertThat(discord.requests()).filteredOn(r -> r.method().equals("POST"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"enforce_nonce\":true"));
    }

    @Test
    void repeatedNonceReturnsTheEarlierMessageAndStoresOne() {
        TextChannel news = jda.getTextChannelById(NEWS);
        Message first = news.sendMessage("card").setNonce("article-17").complete();
        Message again = news.sendMessage("card").setNonce("article-17").complete();
        Message elsewhere = jda.getTextChannelById(OTHER).sendMessage("card").setNonce("article-17").complete();

        assertThat(again.getIdLong()).isEqualTo(first.getIdLong());
        assertThat(discord.messages(NEWS)).hasSize(1);
        assertThat(elsewhere.getIdLong()).isNotEqualTo(first.getIdLong());
        assertThat(discord.messages(OTHER)).hasSize(1);
    }

    @Test
    void twelveMessagesSubmittedAtOnceUnderTheChannelLimitAreAllDeliveredWithFew429s() {
        TextChannel news = jda.getTextChannelById(NEWS);
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(news.sendMessage("msg " + i).submit());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(25, TimeUnit.SECONDS).join();

        // Every one arrives once. Not asserted: their order. JDA keeps a bucket's queue in order, but a
        // request that met a 429 under a loaded machine was seen retried after later ones; the bot does
        // not depend on it (a delivery lane sends a channel's messages one after another, each awaited).
        assertThat(discord.messages(NEWS)).extracting(m -> m.get("content").asText())
                .containsExactlyInAnyOrder("msg 0", "msg 1", "msg 2", "msg 3", "msg 4", "msg 5", "msg 6", "msg 7", "msg 8",
                        "msg 9", "msg 10", "msg 11");
        assertThat(discord.count429(NEWS)).isLessThanOrEqualTo(2);
        System.out.printf("fake-discord: 12 messages at 5/5s -> %d POSTs, %d x 429%n",
                discord.requests().stream().filter(r -> r.method().equals("POST")).count(), discord.count429(NEWS));
        RecordedRequest firstPost = discord.requests().stream().filter(r -> r.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(firstPost.status()).isEqualTo(200);
    }

    @Test
    void missingAccessFaultSurfacesAsErrorResponseOnce() {
        discord.injectFault(NEWS, Fault.missingAccess());
        TextChannel news = jda.getTextChannelById(NEWS);

        assertThatThrownBy(() -> news.sendMessage("x").complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.MISSING_ACCESS));
        assertThat(discord.messages(NEWS)).isEmpty();
        assertThat(news.sendMessage("y").complete().getContentRaw()).isEqualTo("y");
    }

    @Test
    void channelWithoutSendPermissionFailsLocallyWithoutARequest() {
        TextChannel locked = jda.getTextChannelById(LOCKED);
        assertThatThrownBy(() -> locked.sendMessage("x").complete())
                .isInstanceOfSatisfying(InsufficientPermissionException.class,
                        e -> assertThat(e.getPermission()).isEqualTo(Permission.MESSAGE_SEND));
        assertThat(discord.requests()).noneMatch(r -> r.path().startsWith("channels/" + LOCKED));
    }

    @Test
    void serviceUnavailableIsRetriedByJda() {
        discord.injectFault(NEWS, Fault.serverError(503));
        Message m = jda.getTextChannelById(NEWS).sendMessage("after 503").complete();
        assertThat(m.getContentRaw()).isEqualTo("after 503");
        assertThat(discord.requests()).extracting(RecordedRequest::status).contains(503, 200);
        assertThat(discord.messages(NEWS)).hasSize(1);
    }

    @Test
    void acceptThenDropIsResentWithTheSameNonceAndPostsOnce() {
        discord.injectFault(NEWS, Fault.acceptThenDrop());
        Message m = jda.getTextChannelById(NEWS).sendMessage("once").complete();

        assertThat(discord.messages(NEWS)).hasSize(1);
        assertThat(m.getId()).isEqualTo(discord.messages(NEWS).get(0).get("id").asText());
        assertThat(discord.requests()).extracting(RecordedRequest::status).contains(-1, 200);
    }

    @Test
    void rateLimitStormIsWaitedOutByJda() {
        discord.injectFault(NEWS, Fault.rateLimitStorm(200));
        Message m = jda.getTextChannelById(NEWS).sendMessage("after storm").complete();

        assertThat(m.getContentRaw()).isEqualTo("after storm");
        assertThat(discord.count429(NEWS)).isEqualTo(1);
        RecordedRequest limited = discord.requests().stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.path()).isEqualTo("channels/" + NEWS + "/messages");
        assertThat(discord.messages(NEWS)).hasSize(1);
    }

    @Test
    void resetForgetsMessagesRequestsAndCounts() {
        discord.injectFault(NEWS, Fault.rateLimitStorm(100));
        jda.getTextChannelById(NEWS).sendMessage("x").complete();
        discord.injectFault(NEWS, Fault.missingAccess());

        discord.reset();

        assertThat(discord.messages(NEWS)).isEmpty();
        assertThat(discord.requests()).isEmpty();
        assertThat(discord.count429(NEWS)).isZero();
        assertThat(jda.getTextChannelById(NEWS).sendMessage("y").complete().getContentRaw()).isEqualTo("y");
    }

    @Test
    void dispatchedSlashCommandReachesJdaAndItsReplyIsRecorded() {
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        jda.addEventListener(new net.dv8tion.jda.api.hooks.ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(
                    net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent event) {
                seen.set(event.getName() + ":" + event.getOption("audience").getAsString());
                event.reply("subscribed").setEphemeral(true).queue();
            }
        });
        ObjectNode d = slashCommand("interaction-token-1", "subscribe", "audience", "devs");

        assertThat(discord.dispatch("INTERACTION_CREATE", d)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.interactionCallbacks().isEmpty());
        assertThat(seen.get()).isEqualTo("subscribe:devs");
        ObjectNode callback = discord.interactionCallbacks().get(0);
        assertThat(callback.get("token").asText()).isEqualTo("interaction-token-1");
        assertThat(callback.at("/body/type").asInt()).isEqualTo(4);
        assertThat(callback.at("/body/data/content").asText()).isEqualTo("subscribed");
        assertThat(callback.at("/body/data/flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void deferredReplyEditsOriginalAndFollowUpThroughWebhook() {
        jda.addEventListener(new net.dv8tion.jda.api.hooks.ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(
                    net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent event) {
                event.deferReply().queue(hook -> {
                    hook.editOriginal("done").queue();
                });
            }
        });
        discord.dispatch("INTERACTION_CREATE", slashCommand("interaction-token-2", "recap", "audience", "all"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.webhookMessages("interaction-token-2").isEmpty());
        assertThat(discord.interactionCallbacks()).singleElement()
                .satisfies(c -> assertThat(c.at("/body/type").asInt()).isEqualTo(5));
        ObjectNode original = discord.webhookMessages("interaction-token-2").get(0);
        assertThat(original.get("content").asText()).isEqualTo("done");
        assertThat(original.get("channel_id").asLong()).isEqualTo(NEWS);
        assertThat(discord.unroutedRequests()).isEmpty();
    }

    /** A guild slash command with one string option, as Discord sends it (see the protocol notes). */
    private ObjectNode slashCommand(String token, String name, String option, String value) {
        ObjectNode d = discord.newObject();
        d.put("id", Long.toString(discord.nextSnowflake()));
        d.put("application_id", Long.toString(discord.applicationId()));
        d.put("type", 2);
        d.put("token", token);
        d.put("version", 1);
        d.put("locale", "en-US");
        d.put("guild_locale", "en-US");
        d.put("app_permissions", "0");
        d.put("context", 0);
        d.put("guild_id", Long.toString(GUILD));
        d.put("channel_id", Long.toString(NEWS));
        d.putObject("channel").put("id", Long.toString(NEWS)).put("type", 0).put("name", "news").put("position", 0);
        d.putObject("guild").put("id", Long.toString(GUILD)).put("locale", "en-US").putArray("features");
        ObjectNode member = d.putObject("member");
        member.putObject("user").put("id", "5555").put("username", "reader").put("discriminator", "0");
        member.putArray("roles");
        member.put("permissions", Long.toString(GuildSpec.DEFAULT_BOT_PERMISSIONS));
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        d.putObject("authorizing_integration_owners").put("0", Long.toString(GUILD));
        d.putArray("entitlements");
        ObjectNode data = d.putObject("data");
        data.put("id", Long.toString(discord.nextSnowflake()));
        data.put("name", name);
        data.put("type", 1);
        data.putArray("options").addObject().put("name", option).put("type", 3).put("value", value);
        return d;
    }

    @Test
    void gatewayHeartbeatIsAcked() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jda.getGatewayPing() >= 0);
        assertThat(discord.heartbeatAcks()).isPositive();
    }

    @Test
    void gatewayDropIsResumed() {
        discord.disconnectAll();
        await().atMost(Duration.ofSeconds(15)).until(() -> discord.resumes() >= 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(jda.getTextChannelById(NEWS)).isNotNull();
        assertThat(discord.identifies()).isEqualTo(1);
    }

    @Test
    void commandsAreRegisteredAndEchoedWithIds() {
        List<Command> commands = jda.getGuildById(GUILD).updateCommands()
                .addCommands(Commands.slash("subscribe", "Subscribe to an audience")).complete();

        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("subscribe");
            assertThat(c.getIdLong()).isPositive();
        });
        assertThat(discord.commands(GUILD)).singleElement()
                .satisfies(c -> assertThat(c.get("application_id").asLong()).isEqualTo(discord.applicationId()));
    }
}
