package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PostgresTestServer;
import io.github.tldrbot.testing.Headlines;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's fault test (SPEC §13): PostgreSQL and three bot processes — child JVMs running
 * {@code Main run} — against the Discord stand-in: A runs shard 0, B shard 1, W only polls. In the
 * middle of a burst, while "Discord" holds back its answer to a message A sent, A is killed with
 * SIGKILL. B takes over shard 0 (its guild keeps getting cards), A's feed claims and its unanswered
 * send are taken over, the every-minute recap of A's guild goes on from B, and afterwards every card
 * is in each channel exactly once, every minute's recap at most once and none missing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterFaultTest {
    static final String TOKEN = "MTAw.cluster-fault-token.xyz";
    /** (id >> 22) % 2: guild A is on shard 0, guild B on shard 1. */
    static final long GUILD_A = 2L << 22 | 100;
    static final long GUILD_B = 3L << 22 | 100;
    static final long NEWS_A = 601;
    static final long SYSTEM_A = 602;
    static final long NEWS_B = 701;
    static final long SYSTEM_B = 702;
    static final int FEEDS = 4;
    static final int FIRST_BURST = 4;
    static final int SECOND_BURST = 2;

    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();
    private FakeDiscord discord;
    private final List<LiveFeed> feeds = new ArrayList<>();
    private StorageConfig storage;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot").shards(2)
                .guild(g -> g.id(GUILD_A).name("A").textChannel(NEWS_A, "news").textChannel(SYSTEM_A, "general").systemChannel(SYSTEM_A))
                .guild(g -> g.id(GUILD_B).name("B").textChannel(NEWS_B, "news").textChannel(SYSTEM_B, "general").systemChannel(SYSTEM_B))
                .build().start();
        for (int i = 0; i < FEEDS; i++) {
            feeds.add(new LiveFeed("Wire " + (char) ('A' + i)));
        }
        storage = PostgresTestServer.get().createDatabase(true);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        // the children's logs outlive the temporary directory, for a failure to be read
        Path kept = Path.of("target", "cluster-fault-logs");
        Files.createDirectories(kept);
        for (String name : List.of("a", "b", "w")) {
            if (Files.exists(dir.resolve(name + ".log"))) {
                Files.copy(dir.resolve(name + ".log"), kept.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (LiveFeed feed : feeds) {
            feed.close();
        }
        discord.close();
        PostgresTestServer.get().dropDatabase(storage);
    }

    @Test
    void killingAShardProcessMidBurstLosesNothingDuplicatesNothingAndItsWorkIsTakenOverWithinAMinute() throws Exception {
        Process a = start("a", "0");
        await().atMost(Duration.ofSeconds(60)).until(() -> allSeeded() && discord.identifiedShards().contains("0/2"));
        start("b", "1");
        start("w", "");
        await().atMost(Duration.ofSeconds(60)).until(() -> discord.identifiedShards().contains("1/2") && log("w").contains("tldr-bot started"));

        int article = 0;
        List<String> links = new ArrayList<>();
        for (int round = 0; round < FIRST_BURST; round++) {
            for (LiveFeed feed : feeds) {
                article++;
                feed.add("s" + article, Headlines.title(article), Headlines.body(article));
                links.add(feed.link("s" + article));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> cards(NEWS_A).size() >= 4);
        // the next message to A's channel is stored by "Discord" but its answer held back: kill A then
        int before = discord.messages(NEWS_A).size();
        discord.injectFault(NEWS_A, Fault.acceptThenStall(30_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.messages(NEWS_A).size() > before);
        a.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        Instant killedAt = Instant.now();
        int cardsAtKill = cards(NEWS_A).size();
        assertThat(cardsAtKill).as("killed mid-burst").isLessThan(links.size());

        for (int round = 0; round < SECOND_BURST; round++) {
            for (LiveFeed feed : feeds) {
                article++;
                feed.add("s" + article, Headlines.title(article), Headlines.body(article));
                links.add(feed.link("s" + article));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> cards(NEWS_A).size() > cardsAtKill);
        Instant resumedAt = Instant.parse(cards(NEWS_A).get(cardsAtKill).path("timestamp").asText());
        assertThat(Duration.between(killedAt, resumedAt)).as("shard 0's cards resume within a minute of the kill")
                .isLessThan(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(120)).until(() -> cards(NEWS_A).size() >= links.size() && cards(NEWS_B).size() >= links.size());
        await().atMost(Duration.ofSeconds(75)).until(() -> recaps(NEWS_A).stream().anyMatch(r -> postedAt(r).isAfter(killedAt)));
        Thread.sleep(5000); // more poll, delivery and heartbeat cycles: nothing may arrive twice

        for (long channel : new long[] {NEWS_A, NEWS_B}) {
            assertThat(others(channel)).as("messages that are neither cards nor recaps").isEmpty();
            Map<String, Long> perLink = cards(channel).stream()
                    .collect(Collectors.groupingBy(m -> m.path("embeds").get(0).path("url").asText(), Collectors.counting()));
            assertThat(perLink).as("cards per article in channel %d; logs in %s", channel, dir)
                    .containsOnlyKeys(links).allSatisfy((link, n) -> assertThat(n).isEqualTo(1L));
        }
        Map<Instant, Long> recapsPerMinute = new TreeMap<>(recaps(NEWS_A).stream()
                .collect(Collectors.groupingBy(r -> postedAt(r).truncatedTo(ChronoUnit.MINUTES), Collectors.counting())));
        assertThat(recapsPerMinute).as("the every-minute recap of guild A, per minute").allSatisfy((minute, n) -> assertThat(n).isEqualTo(1L));
        List<Instant> minutes = List.copyOf(recapsPerMinute.keySet());
        for (int i = 1; i < minutes.size(); i++) {
            assertThat(Duration.between(minutes.get(i - 1), minutes.get(i))).as("no minute's recap lost: %s", minutes)
                    .isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(recaps(NEWS_B)).as("guild B has no recap schedule").isEmpty();
        assertThat(discord.messages(SYSTEM_A)).as("no pause or failure notices").isEmpty();
        assertThat(discord.messages(SYSTEM_B)).isEmpty();
        assertThat(log("b")).contains("taking over Discord shard 0");
        try (Database database = new Database(storage)) {
            assertThat(new FeedStore(database).listAll()).as("every feed polled after the kill")
                    .allSatisfy(f -> assertThat(f.lastPolledAt()).isAfter(killedAt));
        }
        for (String name : List.of("a", "b", "w")) {
            assertThat(log(name)).doesNotContain(TOKEN).doesNotContain(storage.password().isEmpty() ? TOKEN : storage.password());
        }
    }

    private Process start(String name, String shardIds) throws Exception {
        Path config = dir.resolve(name + ".yaml");
        StringBuilder entries = new StringBuilder();
        for (LiveFeed f : feeds) {
            entries.append("  - {url: \"%s\", channel: \"%d\"}\n  - {url: \"%s\", channel: \"%d\"}\n".formatted(f.url(), NEWS_A, f.url(), NEWS_B));
        }
        Files.writeString(config, """
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s", shards: {total: 2, ids: [%s]}}
                storage: {jdbcUrl: "%s", username: "%s", password: "%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: 25}
                recaps:
                  - {channel: "%d", period: day, cron: "0 * * * * ?"}
                feeds:
                %s""".formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), shardIds, storage.jdbcUrl(), storage.username(),
                storage.password(), NEWS_A, entries));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        builder.environment().put("TLDRBOT_TEST_LOG", "INFO"); // the takeover is read from the log
        Process child = builder.start();
        children.add(child);
        return child;
    }

    private String log(String name) throws java.io.IOException {
        Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private boolean allSeeded() {
        try (Database database = new Database(storage)) {
            List<FeedRecord> all = new FeedStore(database).listAll();
            return all.size() == FEEDS && all.stream().allMatch(FeedRecord::seeded);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Card messages: an embed linking to the article. */
    private List<ObjectNode> cards(long channel) {
        return discord.messages(channel).stream().filter(m -> !isRecap(m) && !m.path("embeds").path(0).path("url").asText().isEmpty()).toList();
    }

    private List<ObjectNode> others(long channel) {
        return discord.messages(channel).stream().filter(m -> !isRecap(m) && m.path("embeds").path(0).path("url").asText().isEmpty()).toList();
    }

    private List<ObjectNode> recaps(long channel) {
        return discord.messages(channel).stream().filter(ClusterFaultTest::isRecap).toList();
    }

    /** A scheduled recap: its embed, or the one-line answer for a period without stories. */
    private static boolean isRecap(ObjectNode message) {
        return message.path("embeds").path(0).path("title").asText().contains(" recap · ")
                || message.path("content").asText().startsWith("📭 No stories in the last");
    }

    private static Instant postedAt(ObjectNode message) {
        return Instant.parse(message.path("timestamp").asText());
    }
}
