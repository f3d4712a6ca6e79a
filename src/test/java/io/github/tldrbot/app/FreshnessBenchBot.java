package io.github.tldrbot.app;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.WebSubStore;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The whole bot in Discord mode with the status server and WebSub on, for the freshness benchmark
 * (bench/FreshnessBenchmark): one feed in one channel, the poll interval bounds all set to one value.
 */
public final class FreshnessBenchBot implements AutoCloseable {
    private final Launcher.Running running;

    private FreshnessBenchBot(Launcher.Running running) {
        this.running = running;
    }

    /**
     * @param interval      {@code polling.minInterval}, {@code defaultInterval} and {@code maxInterval}, e.g. {@code 5s}
     * @param dispatchEvery {@code polling.dispatchEvery}
     * @param port          {@code server.port}; {@code server.publicUrl} is {@code http://127.0.0.1:<port>}
     */
    public static FreshnessBenchBot start(FakeDiscord discord, Path dir, String feedUrl, long channel, String interval,
                                          String dispatchEvery, int port) throws InterruptedException {
        System.setProperty(Observability.BIND_PROPERTY, "127.0.0.1");
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: %s, minInterval: %6$s, defaultInterval: %6$s, maxInterval: %6$s, maxPostsPerPoll: 25}
                server: {port: %7$d, publicUrl: "http://127.0.0.1:%7$d"}
                feeds:
                  - {url: "%8$s", channel: "%9$d"}
                """.formatted(discord.token(), discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), dispatchEvery,
                interval, port, feedUrl, channel), "freshness-bench");
        return new FreshnessBenchBot(Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC()));
    }

    public boolean seeded() {
        return running.bot().stores().feeds.listAll().stream().allMatch(f -> f.seeded());
    }

    /** Whether the feed's hub has verified our subscription. */
    public boolean webSubActive() {
        return new WebSubStore(running.bot().stores().database).countActive(Instant.now()) > 0;
    }

    @Override
    public void close() {
        running.close();
        System.clearProperty(Observability.BIND_PROPERTY);
    }
}
