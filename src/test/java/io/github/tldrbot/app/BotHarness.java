package io.github.tldrbot.app;

import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The whole bot in Discord mode against the stand-in, started as {@code run} starts it; for tests and benchmarks outside this package. */
public final class BotHarness implements AutoCloseable {
    private final Launcher.Running running;

    private BotHarness(Launcher.Running running) {
        this.running = running;
    }

    /**
     * @param feedsYaml the {@code feeds:} list items, indented two spaces
     */
    public static BotHarness discord(FakeDiscord discord, Path dir, String feedsYaml, int maxPostsPerPoll) throws InterruptedException {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s, maxPostsPerPoll: %d}
                feeds:
                %s
                """.formatted(discord.token(), discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"),
                maxPostsPerPoll, feedsYaml), "harness");
        return new BotHarness(Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC()));
    }

    public void awaitSeeded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> running.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded()));
    }

    @Override
    public void close() {
        running.close();
    }
}
