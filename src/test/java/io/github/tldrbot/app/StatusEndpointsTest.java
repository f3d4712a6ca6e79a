package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot with {@code server.port} set, in Discord mode against the stand-in (SPEC §11): {@code /health}
 * says the store and the gateway are up, {@code /metrics} counts the polls and the delivered card and
 * shows the outbox and the feeds by state.
 */
class StatusEndpointsTest {
    static final String TOKEN = "MTAw.status-token.xyz";
    static final long GUILD = 100;
    static final long NEWS = 201;

    @TempDir
    Path dir;

    @BeforeAll
    static void local() {
        System.setProperty(Observability.BIND_PROPERTY, "127.0.0.1");
    }

    @AfterAll
    static void restore() {
        System.clearProperty(Observability.BIND_PROPERTY);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void healthAndMetricsOfARunningBot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (FakeDiscord discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(NEWS, "news").systemChannel(NEWS)).build().start();
             LiveFeed feed = new LiveFeed("Status Wire")) {
            int port = freePort();
            BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                    discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                    storage: {jdbcUrl: "jdbc:sqlite:%s"}
                    fetch: {allowPrivateNetworks: true, timeout: 5s}
                    polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                    server: {port: %d}
                    feeds:
                      - {url: "%s", channel: "%d"}
                    """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), port, feed.url(), NEWS),
                    "status test");
            feed.add("old", "An older story", "Seeded, never posted.");
            try (Launcher.Running bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC())) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"store\":\"ok\"", "\"discord\":\"ok\"");

                await().atMost(Duration.ofSeconds(30)).until(() -> bot.bot().stores().feeds.listAll().get(0).seeded());
                feed.add("n1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API.");
                await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(NEWS).size() == 1);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(metrics).contains("tldrbot_deliveries_total{outcome=\"sent\"} 1.0", "tldrbot_outbox{status=\"sent\"} 1.0",
                            "tldrbot_outbox{status=\"pending\"} 0.0", "tldrbot_feeds{state=\"ok\"} 1.0",
                            "tldrbot_articles_posted_total 1.0", "tldrbot_shards_running 1.0", "tldrbot_polls_total{outcome=\"ok\"}");
                });
            }
        }
    }
}
