package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.DiscordConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.delivery.SendResult;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The production JDA start-up and publisher against the Discord stand-in. */
class JdaPublisherTest {
    static final long GUILD = 100;
    static final long NEWS = 101;
    static final long LOCKED = 102;
    static final long HIDDEN = 103;
    static final String TOKEN = "MTAx.secret-token-value.abc";

    private FakeDiscord discord;
    private DiscordConnection connection;
    private JdaPublisher publisher;
    private io.github.tldrbot.store.TestDatabase store;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private ch.qos.logback.classic.Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE); // every log line JDA and the bot write is checked
        logs.start();
        root.addAppender(logs);
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(NEWS, "news")
                        .textChannel(LOCKED, "locked", FakeDiscord.denyBotPermissions(Permission.MESSAGE_SEND))
                        .textChannel(HIDDEN, "hidden")
                        .role(110, "devs").systemChannel(NEWS))
                .build().start();
        connection = DiscordConnection.connect(config(TOKEN), Duration.ofSeconds(20));
        store = io.github.tldrbot.store.TestDatabase.sqlite();
        publisher = new JdaPublisher(connection.shards(), new CardEmbeds(DefaultAudiences.list())::build, Duration.ofSeconds(20),
                new io.github.tldrbot.store.ChannelWebhookStore(store.database()));
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        discord.close();
        store.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    private DiscordConfig config(String token) {
        return new DiscordConfig(token, discord.apiBaseUrl(), discord.gatewayUrl(), List.of());
    }

    private static OutgoingMessage message(long channel, String nonce, String link, List<Long> roles) {
        Article article = new Article("guid:1", "1", "Widget 2.0 ships", link, Instant.parse("2026-11-28T10:00:00Z"), null,
                null, List.of(), "Widget 2.0 ships today.", "Widget 2.0 ships today.", null);
        Card card = new Card("Widget 2.0 ships today.", "Version 2.0 is out.", null, "Update now.",
                List.of(new AudienceRef("developers", "Developers & AI Engineers")), List.of("Faster API."), "extractive");
        return new OutgoingMessage(channel, nonce, "Example News", "https://news.example.org/", article, card, roles,
                Instant.parse("2026-11-28T11:00:00Z"));
    }

    @Test
    void sendsOneEmbedWithRoleMentionsAndTheNonce() {
        SendResult result = publisher.send(message(NEWS, "tldr-1", "https://news.example.org/widget", List.of(110L)));
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        var stored = discord.messages(NEWS);
        assertThat(stored).hasSize(1);
        var m = stored.get(0);
        assertThat(m.path("id").asText()).isEqualTo(((SendResult.Sent) result).messageId());
        assertThat(m.path("nonce").asText()).isEqualTo("tldr-1");
        assertThat(m.path("content").asText()).isEqualTo("<@&110>");
        assertThat(m.path("embeds")).hasSize(1);
        assertThat(m.path("embeds").get(0).path("title").asText()).isEqualTo("Widget 2.0 ships");
        assertThat(m.path("embeds").get(0).path("url").asText()).isEqualTo("https://news.example.org/widget");
        assertThat(m.path("allowed_mentions").path("roles").get(0).asText()).isEqualTo("110");
        assertThat(m.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void aRepeatedNonceDoesNotPostTwice() {
        SendResult first = publisher.send(message(NEWS, "tldr-7", "https://news.example.org/a", List.of()));
        SendResult again = publisher.send(message(NEWS, "tldr-7", "https://news.example.org/a", List.of()));
        assertThat(again).isEqualTo(first);
        assertThat(discord.messages(NEWS)).hasSize(1);
    }

    @Test
    void missingAccessAndUnknownChannelAreRefusals() {
        discord.injectFault(NEWS, Fault.missingAccess());
        assertThat(publisher.send(message(NEWS, "tldr-2", "https://x.example/a", List.of())))
                .isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.reason()).contains("50001"));
        discord.injectFault(NEWS, Fault.unknownChannel());
        assertThat(publisher.send(message(NEWS, "tldr-3", "https://x.example/b", List.of()))).isInstanceOf(SendResult.Refused.class);
        assertThat(publisher.send(message(999_999, "tldr-4", "https://x.example/c", List.of())))
                .isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.reason()).contains("unknown channel"));
    }

    @Test
    void aChannelWithoutSendPermissionIsRefusedWithoutARequest() {
        int before = discord.requests().size();
        assertThat(publisher.send(message(LOCKED, "tldr-5", "https://x.example/a", List.of())))
                .isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.reason()).contains("Send Messages").contains("#locked"));
        assertThat(discord.requests().stream().skip(before).filter(r -> r.path().contains("/messages"))).isEmpty();
    }

    @Test
    void serverErrorsAreRetryable() {
        discord.injectFault(NEWS, Fault.serverError(500));
        assertThat(publisher.send(message(NEWS, "tldr-6", "https://x.example/a", List.of()))).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void findsAnEarlierPostByItsArticleLink() {
        SendResult sent = publisher.send(message(NEWS, "tldr-8", "https://news.example.org/found", List.of()));
        publisher.send(message(NEWS, "tldr-9", "https://news.example.org/other", List.of()));
        assertThat(publisher.findRecentMessage(NEWS, "https://news.example.org/found")).contains(((SendResult.Sent) sent).messageId());
        assertThat(publisher.findRecentMessage(NEWS, "https://news.example.org/never")).isEmpty();
    }

    @Test
    void announcementsFallBackToTheSystemChannel() {
        assertThat(publisher.announce(GUILD, LOCKED, "Feed X was paused.")).isTrue();
        assertThat(discord.messages(NEWS)).anySatisfy(m -> assertThat(m.path("content").asText()).isEqualTo("Feed X was paused."));
        assertThat(discord.messages(LOCKED)).isEmpty();
    }

    @Test
    void anInvalidTokenIsAOneLineErrorThatNeverShowsTheToken() throws Exception {
        String wrong = "MTAx.wrong-token-value.xyz";
        var failure = org.junit.jupiter.api.Assertions.assertThrows(DiscordStartException.class,
                () -> DiscordConnection.connect(config(wrong), Duration.ofSeconds(20)));
        assertThat(failure.getMessage()).contains("rejected the bot token").doesNotContain(wrong).doesNotContain("\n");
    }

    @Test
    void theTokenNeverAppearsInLogs() {
        publisher.send(message(NEWS, "tldr-10", "https://news.example.org/log", List.of()));
        connection.close();
        connection = null;
        // The stand-in's own WebSocket library logs raw frames; it is test infrastructure, not the bot.
        List<ILoggingEvent> botSide = logs.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("org.java_websocket"))
                .filter(e -> !e.getLoggerName().startsWith("io.github.tldrbot.testing"))
                .toList();
        assertThat(botSide).anyMatch(e -> e.getLoggerName().startsWith("net.dv8tion"));
        assertThat(botSide).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
            if (e.getThrowableProxy() != null) {
                assertThat(e.getThrowableProxy().getMessage() == null ? "" : e.getThrowableProxy().getMessage()).doesNotContain(TOKEN);
            }
        });
    }
}
