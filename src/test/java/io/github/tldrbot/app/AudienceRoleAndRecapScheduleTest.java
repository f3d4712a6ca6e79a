package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.Interactions;
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
 * The whole bot in Discord mode, started as {@code run} starts it: /audience-role changes what the
 * next cards mention; a config {@code recaps:} entry becomes a schedule that posts into its channel
 * and keeps posting after a restart; command schedules outlive restarts, config ones follow the file.
 */
class AudienceRoleAndRecapScheduleTest {
    static final String TOKEN = "MTAw.stand-in-token.xyz";
    static final long GUILD = 100;
    static final long SECURITY = 202;
    static final long RECAPS = 205;
    static final long SECURITY_ROLE = 300;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private LiveFeed feed;
    private Launcher.Running bot;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(SECURITY, "security").textChannel(RECAPS, "recaps")
                        .role(SECURITY_ROLE, "sec-team"))
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

    private void start(String feedsYaml, String recapsYaml) {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: 25}
                feeds:
                %s
                recaps:
                %s
                """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), feedsYaml, recapsYaml), "test");
        try {
            bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void audienceRoleSetMakesSecurityCardsMentionTheRoleAndClearStopsIt() throws Exception {
        start("  - {url: \"%s\", channel: \"%d\", audience: security}".formatted(feed.url(), SECURITY), "  []");
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));
        Interactions ui = new Interactions(discord, GUILD, SECURITY, "security");

        String set = ui.slash("audience-role").sub("set").string("audience", "security").role("role", SECURITY_ROLE, "sec-team")
                .moderator().send().awaitReplyText();
        assertThat(set).isEqualTo("Cards for **Security Teams** will mention <@&" + SECURITY_ROLE + ">.");
        feed.add("cve-1", "Critical CVE-2026-3333 exploited in the wild", "Attackers exploit a remote code execution vulnerability. Patch now.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(SECURITY).size() >= 1);
        ObjectNode alert = discord.messages(SECURITY).get(0);
        assertThat(alert.path("content").asText()).isEqualTo("<@&" + SECURITY_ROLE + ">");
        assertThat(alert.path("allowed_mentions").path("roles").get(0).asText()).isEqualTo(String.valueOf(SECURITY_ROLE));

        String clear = ui.slash("audience-role").sub("clear").string("audience", "security").moderator().send().awaitReplyText();
        assertThat(clear).isEqualTo("Cards for **Security Teams** no longer mention a role.");
        feed.add("cve-2", "Ransomware gang exploits a zero-day vulnerability", "A critical vulnerability is exploited; patch the firewall now.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(SECURITY).size() >= 2);
        ObjectNode quiet = discord.messages(SECURITY).get(1);
        assertThat(quiet.path("content").asText()).doesNotContain("<@&");
        assertThat(quiet.path("embeds").get(0).path("url").asText()).isEqualTo(feed.link("cve-2"));
    }

    @Test
    void aConfigRecapPostsIntoItsChannelAndAgainAfterARestart() {
        String recaps = "  - {channel: \"%d\", period: day, cron: \"*/2 * * * * ?\"}".formatted(RECAPS);
        start("  []", recaps);
        await().atMost(Duration.ofSeconds(20)).until(() -> !discord.messages(RECAPS).isEmpty());
        List<RecapSchedule> stored = new RecapScheduleStore(bot.bot().stores().database).listAll();
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(SubscriptionSource.CONFIG);
            assertThat(s.guildId()).isEqualTo(GUILD);
            assertThat(s.cron()).isEqualTo("*/2 * * * * ?");
        });
        bot.close();
        bot = null;
        int before = discord.messages(RECAPS).size();

        start("  []", recaps);
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(RECAPS).size() > before);
        assertThat(new RecapScheduleStore(bot.bot().stores().database).listAll()).extracting(RecapSchedule::id)
                .containsExactly(stored.get(0).id());
    }

    @Test
    void aScheduleAddedByCommandSurvivesARestartWhileAConfigEntryThatLeftTheFileIsRemoved() {
        start("  []", "  - {channel: \"%d\", period: week, cron: \"0 0 9 ? * MON\"}".formatted(RECAPS));
        Interactions ui = new Interactions(discord, GUILD, RECAPS, "recaps");
        String reply = ui.slash("recap-schedule").sub("add").channel("channel", RECAPS, "recaps").string("period", "day")
                .moderator().send().awaitReplyText();
        assertThat(reply).startsWith("Scheduled #");
        RecapScheduleStore store = new RecapScheduleStore(bot.bot().stores().database);
        RecapSchedule added = store.listAll().stream().filter(s -> s.source() == SubscriptionSource.COMMAND).findFirst().orElseThrow();
        assertThat(added.cron()).isEqualTo("0 0 9 * * ?");
        bot.close();
        bot = null;

        start("  []", "  []");
        assertThat(new RecapScheduleStore(bot.bot().stores().database).listAll()).containsExactly(added);
    }
}
