package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.testing.Headlines;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.Fault;
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
 * The whole bot in Discord mode — real JDA, real fetcher, real SQLite — against the Discord
 * stand-in and a local feed server, started exactly as {@code run} starts it.
 */
class DiscordDeliveryTest {
    static final String TOKEN = "MTAw.stand-in-token.xyz";
    static final long GUILD = 100;
    static final long GENERAL = 201;
    static final long SECURITY = 202;
    static final long DEV = 203;
    static final long FORBIDDEN = 204;
    static final long SECURITY_ROLE = 300;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private LiveFeed feed;
    private Launcher.Running bot;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(GENERAL, "general").textChannel(SECURITY, "security")
                        .textChannel(DEV, "dev").textChannel(FORBIDDEN, "forbidden").role(SECURITY_ROLE, "sec-team")
                        .systemChannel(GENERAL))
                .build().start();
        feed = new LiveFeed("Example Wire");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        feed.close();
        discord.close();
    }

    private BotConfig config(String feedsYaml) {
        return new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: 25}
                feeds:
                %s
                """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), feedsYaml), "test");
    }

    private void start(BotConfig config) throws Exception {
        bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC());
    }

    private void awaitSeeded() {
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));
    }

    private static String embedUrl(ObjectNode message) {
        return message.path("embeds").get(0).path("url").asText();
    }

    @Test
    void runWithARejectedTokenIsAOneLineUsageError() throws Exception {
        java.nio.file.Path cfg = dir.resolve("wrong-token.yaml");
        java.nio.file.Files.writeString(cfg, """
                discord: {token: "MTAw.wrong.token", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                """.formatted(discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("w.db")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--config", cfg.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Discord rejected the bot token").doesNotContain("MTAw.wrong.token");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void seedsWithoutPostingThenPostsEachNewArticleAsOneEmbedOldestFirst() throws Exception {
        feed.add("old-1", "Older story one", "Nothing new here.").add("old-2", "Older story two", "Still nothing.");
        start(config("  - {url: \"%s\", channel: \"%d\"}".formatted(feed.url(), GENERAL)));
        awaitSeeded();
        Thread.sleep(1500); // a further poll: still nothing posted
        assertThat(discord.messages(GENERAL)).isEmpty();

        feed.add("new-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.")
                .add("new-2", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed. Update to 3.1 now.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(GENERAL).size() >= 2);
        Thread.sleep(1500);
        List<ObjectNode> posted = discord.messages(GENERAL);
        assertThat(posted).hasSize(2);
        assertThat(posted).allSatisfy(m -> assertThat(m.path("embeds")).hasSize(1));
        assertThat(posted).extracting(DiscordDeliveryTest::embedUrl).containsExactly(feed.link("new-1"), feed.link("new-2"));
        assertThat(posted.get(0).path("embeds").get(0).path("author").path("name").asText()).isEqualTo("Example Wire");
        assertThat(posted.get(0).path("nonce").asText()).startsWith("tldr-");
    }

    @Test
    void audienceAndKeywordFiltersRouteCardsToTheRightChannelsOnly() throws Exception {
        start(config("""
                  - {url: "%1$s", channel: "%2$d", exclude: "sponsored"}
                  - {url: "%1$s", channel: "%3$d", audience: security}
                  - {url: "%1$s", channel: "%4$d", include: "python, /rust(lang)?/"}
                """.formatted(feed.url(), GENERAL, SECURITY, DEV)));
        bot.bot().stores().roles.set(GUILD, "security", SECURITY_ROLE);
        awaitSeeded();
        feed.add("cve", "Critical CVE-2026-2222 exploited in the wild", "Attackers exploit a remote code execution vulnerability. Patch now.")
                .add("py", "Python 3.15 beta released", "The Python team released a new beta with a faster interpreter.")
                .add("ad", "Sponsored: the best laptop deals", "A sponsored post about laptops.", "sponsored");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(GENERAL).size() >= 2
                && discord.messages(SECURITY).size() >= 1 && discord.messages(DEV).size() >= 1);
        Thread.sleep(1500);
        assertThat(discord.messages(GENERAL)).extracting(DiscordDeliveryTest::embedUrl)
                .containsExactly(feed.link("cve"), feed.link("py"));
        assertThat(discord.messages(SECURITY)).extracting(DiscordDeliveryTest::embedUrl).containsExactly(feed.link("cve"));
        assertThat(discord.messages(DEV)).extracting(DiscordDeliveryTest::embedUrl).containsExactly(feed.link("py"));
        ObjectNode alert = discord.messages(SECURITY).get(0);
        assertThat(alert.path("content").asText()).isEqualTo("<@&" + SECURITY_ROLE + ">");
        assertThat(alert.path("allowed_mentions").path("roles").get(0).asText()).isEqualTo(String.valueOf(SECURITY_ROLE));
    }

    @Test
    void twentyArticlesUnderTheChannelLimitAllArriveWithoutA429Storm() throws Exception {
        start(config("  - {url: \"%s\", channel: \"%d\"}".formatted(feed.url(), GENERAL)));
        awaitSeeded();
        for (int i = 1; i <= 20; i++) {
            feed.add("burst-" + i, Headlines.title(i), Headlines.body(i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> discord.messages(GENERAL).size() >= 20);
        List<ObjectNode> posted = discord.messages(GENERAL);
        assertThat(posted).hasSize(20);
        assertThat(posted).extracting(DiscordDeliveryTest::embedUrl)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> feed.link("burst-" + i)).toList());
        assertThat(discord.count429(GENERAL)).isLessThanOrEqualTo(2);
    }

    @Test
    void aForbiddenChannelIsPausedAndAnnouncedOnceWhileOthersKeepReceiving() throws Exception {
        discord.injectFault(FORBIDDEN, Fault.missingAccess().persistent());
        start(config("""
                  - {url: "%1$s", channel: "%2$d"}
                  - {url: "%1$s", channel: "%3$d"}
                """.formatted(feed.url(), FORBIDDEN, DEV)));
        awaitSeeded();
        feed.add("a", "First story", "Text one.").add("b", "Second story", "Text two.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(DEV).size() >= 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().subscriptions.listAll().stream()
                .anyMatch(s -> s.channelId() == FORBIDDEN && s.status() == SubscriptionStatus.PAUSED));
        feed.add("c", "Third story", "Text three.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(DEV).size() >= 3);
        Thread.sleep(1500);
        long attempts = discord.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("channels/" + FORBIDDEN + "/messages")).count();
        assertThat(attempts).as("sends tried on the forbidden channel").isBetween(1L, 3L);
        List<ObjectNode> notices = discord.messages(GENERAL);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).path("content").asText()).contains("paused").contains("<#" + FORBIDDEN + ">").contains("Example Wire");
        assertThat(bot.bot().stores().subscriptions.listAll().stream().filter(s -> s.channelId() == FORBIDDEN).findFirst().orElseThrow()
                .pausedReason()).contains("50001");
    }
}
