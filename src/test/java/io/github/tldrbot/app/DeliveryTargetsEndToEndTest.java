package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.ChannelSpec;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot (config sync, poller, outbox, real JDA) against the stand-in, with config feeds
 * that post through a webhook into a forum (SPEC §6.5): one story is one forum post made through
 * the channel's webhook, and a second source edits that post's first message through the webhook.
 */
class DeliveryTargetsEndToEndTest {
    static final String TOKEN = "MTAw.stand-in-token.xyz";
    static final long GUILD = 100;
    static final long GENERAL = 201;
    static final long FORUM = 202;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private final List<LiveFeed> feeds = new java.util.ArrayList<>();
    private Launcher.Running bot;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News")
                        .botPermissions(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
                                Permission.MESSAGE_HISTORY, Permission.MANAGE_WEBHOOKS, Permission.USE_APPLICATION_COMMANDS)
                        .textChannel(GENERAL, "general").systemChannel(GENERAL)
                        .forumChannel(FORUM, "stories", List.of(new ChannelSpec.Tag(901, "security"))))
                .build().start();
        feeds.add(new LiveFeed("Alpha Wire"));
        feeds.add(new LiveFeed("Beta Post"));
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
            entries.append("  - {url: \"%s\", channel: \"%d\", webhook: {name: \"Recall Radar\"}}\n".formatted(feed.url(), FORUM));
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
    void aStoryIsOneForumPostThroughTheWebhookAndASecondSourceEditsIt() throws Exception {
        feeds.get(0).add("old", "Council meets on Tuesday", "The council meets as usual.");
        bot = Launcher.start(config(), new PrintWriter(new StringWriter()), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));

        feeds.get(0).add("recall", "Acme recalls 2 million Widget heaters after fire reports",
                "Acme Corp recalled 2 million Widget space heaters on Monday after 40 reports of fires, "
                        + "the Consumer Product Safety Commission said. Owners should stop using them.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.threadsOf(FORUM).size() == 1);
        long post = discord.threadsOf(FORUM).get(0);
        assertThat(discord.threadName(post)).isEqualTo("Acme recalls 2 million Widget heaters after fire reports");
        assertThat(discord.webhooksOf(FORUM)).hasSize(1);
        assertThat(discord.messages(post)).singleElement().satisfies(m -> {
            assertThat(m.path("author").path("username").asText()).isEqualTo("Recall Radar");
            assertThat(m.path("embeds").get(0).path("url").asText()).isEqualTo(feeds.get(0).link("recall"));
        });

        feeds.get(1).add("heaters", "Acme Widget heater recall covers 2 million units over fire risk",
                "The Consumer Product Safety Commission announced that Acme is recalling about 2 million Widget "
                        + "space heaters after 40 fires were reported.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.edits() >= 1);
        assertThat(discord.threadsOf(FORUM)).as("the second source edits, it does not post").hasSize(1);
        assertThat(discord.requests()).filteredOn(r -> r.method().equals("PATCH") && r.path().startsWith("webhooks/"))
                .singleElement().satisfies(r -> assertThat(r.path()).contains("/messages/" + post).contains("thread_id=" + post));
        assertThat(discord.messages(post).get(0).path("embeds").get(0).path("fields").toString()).contains("2 sources");
        assertThat(discord.messages(GENERAL)).isEmpty();
        assertThat(discord.unroutedRequests()).isEmpty();
    }
}
