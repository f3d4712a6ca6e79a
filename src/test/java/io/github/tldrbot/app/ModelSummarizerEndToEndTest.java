package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.openai.FakeOpenAi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured model summarizer end to end: {@code preview --json} shows model-written cards so an
 * operator can judge a model; in Discord mode cards are model-written, and when the model server is
 * down they are extractive — posted all the same.
 */
class ModelSummarizerEndToEndTest {
    static final String KEY = "sk-test-secret-key";
    static final String CARD = """
            {"tldr": "Acme shipped Widget 2.0 with a faster API.", "whatChanged": "Widget 2.0 is out.",
             "whyItMatters": "Integrations run twice as fast.", "whatToDoNext": "Upgrade to 2.0.",
             "whoShouldCare": ["developers"], "keyTakeaways": ["Twice as fast"]}""";

    @TempDir
    Path dir;

    private Path config(String extra, String baseUrl) throws Exception {
        Path cfg = dir.resolve("bot.yaml");
        Files.writeString(cfg, """
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                summarizer:
                  kind: openai
                  openai: {baseUrl: "%s", model: "llama3.1:8b", apiKey: "%s", timeout: 2s}
                %s
                """.formatted(dir.resolve("bot.db"), baseUrl, KEY, extra));
        return cfg;
    }

    @Test
    void previewJsonUsesTheConfiguredModel() throws Exception {
        try (FakeOpenAi model = FakeOpenAi.start().answer(CARD)) {
            Path feed = dir.resolve("feed.xml");
            Files.writeString(feed, MainTest.RSS);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "preview", feed.toString(), "--json", "--config", config("", model.baseUrl()).toString());
            assertThat(code).as(err.toString()).isEqualTo(0);
            JsonNode card = new ObjectMapper().readTree(out.toString()).path("articles").get(0).path("card");
            assertThat(card.path("summarizer").asText()).isEqualTo("openai:llama3.1:8b");
            assertThat(card.path("tldr").asText()).isEqualTo("Acme shipped Widget 2.0 with a faster API.");
            assertThat(card.path("whoShouldCare").get(0).path("label").asText()).isEqualTo("Developers & AI Engineers");
            assertThat(model.requests()).isNotEmpty();
            assertThat(model.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(out.toString() + err).doesNotContain(KEY);
        }
    }

    @Test
    void previewWithTheModelServerDownStillPrintsExtractiveCards() throws Exception {
        FakeOpenAi model = FakeOpenAi.start();
        String deadUrl = model.baseUrl();
        model.close();
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, MainTest.RSS);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "preview", feed.toString(), "--json", "--config", config("", deadUrl).toString());
        assertThat(code).isEqualTo(0);
        JsonNode articles = new ObjectMapper().readTree(out.toString()).path("articles");
        assertThat(articles).hasSize(2).allSatisfy(a -> assertThat(a.path("card").path("summarizer").asText()).isEqualTo("extractive"));
    }

    @Test
    void inDiscordModeCardsAreModelWrittenAndAnOutageDegradesToExtractiveWithoutLosingAPost() throws Exception {
        long guild = 100;
        long news = 201;
        try (FakeDiscord discord = FakeDiscord.builder().token("t").botUser(10, "bot")
                .guild(g -> g.id(guild).name("G").textChannel(news, "news")).build().start();
             LiveFeed feed = new LiveFeed("Model Wire");
             FakeOpenAi model = FakeOpenAi.start().answer(CARD)) {
            Path cfg = config("""
                    discord: {token: "t", apiBaseUrl: "%s", gatewayUrl: "%s"}
                    polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                    feeds: [{url: "%s", channel: "%d"}]
                    """.formatted(discord.apiBaseUrl(), discord.gatewayUrl(), feed.url(), news), model.baseUrl());
            var config = new CommonOptionsForTest(cfg).load();
            try (Launcher.Running bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> bot.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));
                feed.add("w2", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API.");
                await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(news).size() >= 1);
                ObjectNode first = discord.messages(news).get(0);
                assertThat(first.at("/embeds/0/description").asText()).isEqualTo("Acme shipped Widget 2.0 with a faster API.");
                assertThat(first.at("/embeds/0/footer/text").asText()).contains("llama3.1:8b");

                model.close(); // the model server goes away
                feed.add("g3", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed. Update to 3.1 now.");
                await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(news).size() >= 2);
                ObjectNode second = discord.messages(news).get(1);
                assertThat(second.at("/embeds/0/title").asText()).isEqualTo("Gizmo 3.1 patches CVE-2026-1111");
                assertThat(second.at("/embeds/0/footer/text").asText()).contains("extractive");
            }
            List<ObjectNode> all = discord.messages(news);
            assertThat(all).hasSize(2);
        }
    }

    /** Loads a config file the way the CLI does. */
    private record CommonOptionsForTest(Path path) {
        io.github.tldrbot.config.BotConfig load() {
            CommonOptions options = new CommonOptions();
            options.config = path;
            return options.loadConfig();
        }
    }
}
