package io.github.tldrbot.app;

import io.github.tldrbot.config.ServerConfig;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.discord.DiscordConnection;
import io.github.tldrbot.observe.BotMetrics;
import io.github.tldrbot.observe.Health;
import io.github.tldrbot.observe.StatusServer;
import io.github.tldrbot.store.StatusCounts;
import io.github.tldrbot.websub.WebSubCallback;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code server.port} (SPEC §11): the status server with {@code /health} and {@code /metrics}, wired
 * to a running bot. The metric names are documented in docs/observability.md.
 */
final class Observability {
    /** Store counts are read once per scrape at most this often, however many gauges show them. */
    private static final Duration COUNTS_TTL = Duration.ofSeconds(2);
    /** {@code -Dtldrbot.server.host=127.0.0.1} keeps the status server local (every interface by default). */
    static final String BIND_PROPERTY = "tldrbot.server.host";

    private Observability() {
    }

    /**
     * Starts the status server for {@code bot} (closed with it).
     *
     * @param discord the gateway connection, or null in preview and poll-only mode (no gateway to check)
     * @param shards  the shards run now
     * @throws CliException exit 2 when the port cannot be bound
     */
    static void serve(ServerConfig server, Bot bot, BotMetrics metrics, DiscordConnection discord, Shards shards) {
        StatusCounts counts = new StatusCounts(bot.stores().database);
        Supplier<Map<String, Long>> outbox = new Cached<>(counts::deliveriesByStatus, COUNTS_TTL);
        Supplier<Map<String, Long>> feeds = new Cached<>(counts::feedsByState, COUNTS_TTL);
        for (String status : List.of("pending", "sending", "sent", "failed", "skipped")) {
            metrics.gauge("tldrbot.outbox", "outbox rows by status", () -> outbox.get().getOrDefault(status, 0L), "status", status);
        }
        for (String state : List.of("ok", "failing", "disabled")) {
            metrics.gauge("tldrbot.feeds", "feeds by state", () -> feeds.get().getOrDefault(state, 0L), "state", state);
        }
        metrics.gauge("tldrbot.shards.running", "Discord shards this process runs now", () -> shards.ids().size());
        Health health = new Health().check("store", counts::problem);
        if (discord != null) {
            health.check("discord", discord::problem);
        }
        bot.reportTo(metrics);
        try {
            StatusServer status = new StatusServer(System.getProperty(BIND_PROPERTY, "0.0.0.0"), server.port(), health, metrics);
            bot.closeFirst(status);
            bot.webSub().ifPresent(webSub -> {
                status.route(WebSubCallback.PATH, webSub.callback());
                webSub.reportTo(metrics);
                metrics.gauge("tldrbot.websub.subscriptions.active", "WebSub subscriptions whose hub lease runs now",
                        new Cached<>(webSub::activeSubscriptions, COUNTS_TTL));
            });
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "server.port: cannot listen on port " + server.port() + " (" + e.getMessage()
                    + "); choose a free port or 0 to turn the status server off");
        }
    }

    /** A value computed at most once per {@code ttl}. */
    private static final class Cached<T> implements Supplier<T> {
        private final Supplier<T> source;
        private final long ttlNanos;
        private T value;
        private long readAt;

        Cached(Supplier<T> source, Duration ttl) {
            this.source = source;
            this.ttlNanos = ttl.toNanos();
        }

        @Override
        public synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - readAt > ttlNanos) {
                value = source.get();
                readAt = now;
            }
            return value;
        }
    }
}
