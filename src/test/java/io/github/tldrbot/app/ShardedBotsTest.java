package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.RecordedRequest;
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
 * Two whole bots — real JDA shard managers, one shard of two each — share one store and one feed,
 * against the Discord stand-in sharding as Discord does (SPEC §13): each posts only in the guilds of
 * its shard, every card arrives exactly once, nothing is paused, commands are registered once.
 */
class ShardedBotsTest {
    static final String TOKEN = "MTAw.stand-in-token.shards";
    /** (id >> 22) % 2: guild A is on shard 0, guild B on shard 1. */
    static final long GUILD_A = 2L << 22 | 100;
    static final long GUILD_B = 3L << 22 | 100;
    static final long NEWS_A = 601;
    static final long SYSTEM_A = 602;
    static final long NEWS_B = 701;
    static final long SYSTEM_B = 702;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private LiveFeed feed;
    private Launcher.Running shard0;
    private Launcher.Running shard1;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot").shards(2)
                .guild(g -> g.id(GUILD_A).name("A").textChannel(NEWS_A, "news").textChannel(SYSTEM_A, "general").systemChannel(SYSTEM_A))
                .guild(g -> g.id(GUILD_B).name("B").textChannel(NEWS_B, "news").textChannel(SYSTEM_B, "general").systemChannel(SYSTEM_B))
                .build().start();
        feed = new LiveFeed("Example Wire");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Launcher.Running bot : new Launcher.Running[] {shard0, shard1}) {
            if (bot != null) {
                bot.close();
            }
        }
        feed.close();
        discord.close();
    }

    private Launcher.Running start(int shard) throws Exception {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s", shards: {total: 2, ids: [%d]}}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: 25}
                feeds:
                  - {url: "%s", channel: "%d"}
                  - {url: "%s", channel: "%d"}
                """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), shard, dir.resolve("shared.db"),
                feed.url(), NEWS_A, feed.url(), NEWS_B), "shard " + shard);
        return Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC());
    }

    private static List<String> links(List<ObjectNode> messages) {
        return messages.stream().map(m -> m.path("embeds").get(0).path("url").asText()).toList();
    }

    private long postsTo(long channel) {
        return discord.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("channels/" + channel + "/messages")).count();
    }

    @Test
    void eachBotPostsOnlyInItsShardsGuildsEveryCardOnceAndNothingIsPaused() throws Exception {
        feed.add("old", "An older story", "Seeded, never posted.");
        shard0 = start(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> shard0.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));
        assertThat(shard0.discord().shards().getGuildById(GUILD_B)).as("shard 0 does not see guild B").isNull();

        feed.add("n1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API.")
                .add("n2", "Gizmo 3.1 patches a flaw", "A vulnerability was fixed. Update to 3.1 now.");
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(NEWS_A).size() >= 2);
        Thread.sleep(3000); // several scans of shard 0's worker, which also sees B's rows (B's guild is not known yet)
        assertThat(postsTo(NEWS_B)).as("shard 0 never sends to guild B").isZero();
        assertThat(shard0.bot().stores().subscriptions.listAll())
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE));

        shard1 = start(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(NEWS_B).size() >= 2);
        feed.add("n3", "Widget 2.1 follows", "A small update to Widget with bug fixes.");
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(NEWS_A).size() >= 3 && discord.messages(NEWS_B).size() >= 3);
        Thread.sleep(3000);

        List<String> expected = List.of(feed.link("n1"), feed.link("n2"), feed.link("n3"));
        assertThat(links(discord.messages(NEWS_A))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(links(discord.messages(NEWS_B))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(discord.messages(SYSTEM_A)).as("no pause or failure notices").isEmpty();
        assertThat(discord.messages(SYSTEM_B)).isEmpty();
        assertThat(shard1.bot().stores().subscriptions.listAll()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(s.pausedReason()).isNull();
            assertThat(s.guildId()).isIn(GUILD_A, GUILD_B);
        });
        assertThat(discord.identifiedShards()).containsExactly("0/2", "1/2");
        List<RecordedRequest> globalCommands = discord.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().matches("applications/\\d+/commands")).toList();
        assertThat(globalCommands).as("global commands registered once, by the process of shard 0").hasSize(1);
    }
}
