package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's scenario with the whole bot — real JDA, fetcher, SQLite — against the Discord stand-in:
 * three feeds publish the same story a few seconds apart, and the channel shows one message, edited
 * twice, with three numbered sources (SPEC §5.5, §6.2a).
 */
class StoryCardEndToEndTest {
    static final String TOKEN = "MTAw.stand-in-token.xyz";
    static final long GUILD = 100;
    static final long GENERAL = 201;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private final List<LiveFeed> feeds = new java.util.ArrayList<>();
    private Launcher.Running bot;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(GENERAL, "general").systemChannel(GENERAL))
                .build().start();
        for (String title : List.of("Alpha Wire", "Beta Post", "Gamma Times")) {
            feeds.add(new LiveFeed(title));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        for (LiveFeed feed : feeds) {
            feed.close();
        }
        discord.close();
    }

    private BotConfig config() {
        StringBuilder entries = new StringBuilder();
        for (LiveFeed feed : feeds) {
            entries.append("  - {url: \"%s\", channel: \"%d\"}\n".formatted(feed.url(), GENERAL));
        }
        return new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: 25}
                feeds:
                %s
                """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), entries), "test");
    }

    @Test
    void aLaterStoryOnACloseTopicIsPostedWithTheEarlierOneAsARelatedUpdate() throws Exception {
        startAndPostTheRecall();
        feeds.get(1).add("ceo", "Acme Corp chief executive Jane Doe resigns",
                "Jane Doe stepped down as chief executive of Acme Corp on Tuesday after a board dispute over the "
                        + "company's strategy; finance chief Raj Patel will lead the heater maker for now.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(GENERAL).size() == 2);

        ObjectNode second = discord.messages(GENERAL).get(1);
        assertThat(second.path("embeds").get(0).path("url").asText()).as("a story of its own").isEqualTo(feeds.get(1).link("ceo"));
        JsonNode related = field(second, "Related");
        assertThat(related).as("a Related field").isNotNull();
        assertThat(related.path("value").asText())
                .isEqualTo("• [Acme recalls 2 million Widget heaters after fire reports](" + feeds.get(0).link("recall") + ")");
    }

    /** Starts the bot on seeded feeds and lets the first feed's recall story be posted as the one card. */
    private void startAndPostTheRecall() throws Exception {
        feeds.get(0).add("old", "Council meets on Tuesday", "The council meets as usual.");
        bot = Launcher.start(config(), new PrintWriter(new StringWriter()), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));

        feeds.get(0).add("recall", "Acme recalls 2 million Widget heaters after fire reports",
                "Acme Corp recalled 2 million Widget space heaters on Monday after 40 reports of fires, "
                        + "the Consumer Product Safety Commission said. Owners should stop using them.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(GENERAL).size() == 1);
    }

    private static JsonNode sourcesField(ObjectNode message) {
        for (JsonNode field : message.path("embeds").get(0).path("fields")) {
            if (field.path("name").asText().endsWith(" sources")) {
                return field;
            }
        }
        return null;
    }

    private static JsonNode field(ObjectNode message, String name) {
        for (JsonNode field : message.path("embeds").get(0).path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        return null;
    }

    @Test
    void threeFeedsTellingOneStoryGiveOneMessageEditedTwiceWithThreeSources() throws Exception {
        startAndPostTheRecall();
        feeds.get(1).add("heaters", "Acme Widget heater recall covers 2 million units over fire risk",
                "The Consumer Product Safety Commission announced that Acme is recalling about 2 million Widget "
                        + "space heaters after 40 fires were reported.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.edits() >= 1);
        feeds.get(2).add("pulled", "Two million Acme Widget space heaters recalled over fires",
                "Acme is recalling 2 million Widget space heaters following 40 fires, according to the "
                        + "Consumer Product Safety Commission.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.edits() >= 2);
        Thread.sleep(2000); // further polls change nothing

        List<ObjectNode> posted = discord.messages(GENERAL);
        assertThat(posted).as("one card for the story").hasSize(1);
        assertThat(discord.edits()).isEqualTo(2);
        ObjectNode card = posted.get(0);
        assertThat(card.path("embeds").get(0).path("url").asText()).isEqualTo(feeds.get(0).link("recall"));
        JsonNode sources = sourcesField(card);
        assertThat(sources).as("a Sources field").isNotNull();
        assertThat(sources.path("name").asText()).isEqualTo("3 sources");
        assertThat(sources.path("value").asText().lines().toList()).hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("[1] [Alpha Wire").contains(feeds.get(0).link("recall"));
                    assertThat(lines.get(1)).startsWith("[2] [Beta Post").contains(feeds.get(1).link("heaters"));
                    assertThat(lines.get(2)).startsWith("[3] [Gamma Times").contains(feeds.get(2).link("pulled"));
                });
        assertThat(discord.unroutedRequests()).isEmpty();
    }
}
