package io.github.tldrbot.testing.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** Builds a real JDA pointed at a {@link FakeDiscord}, the way production points it at a proxy. */
public final class FakeDiscordJda {
    private FakeDiscordJda() {
    }

    /** A light JDA builder (no intents) aimed at the stand-in; add listeners before {@code build()}. */
    public static JDABuilder builder(FakeDiscord discord) {
        String gatewayUrl = discord.gatewayUrl();
        return JDABuilder.createLight(discord.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(discord.apiBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE);
    }

    /** Builds the JDA and waits up to 20 s for READY and all guilds. */
    public static JDA connect(FakeDiscord discord) throws InterruptedException {
        return awaitReady(builder(discord).build(), Duration.ofSeconds(20));
    }

    /**
     * A light shard manager running shards {@code ids} of {@code total} against the stand-in, each
     * shard ready within 20 s (production builds its own in {@code discord/DiscordConnection}).
     */
    public static ShardManager shardManager(FakeDiscord discord, int total, int... ids) throws InterruptedException {
        String gatewayUrl = discord.gatewayUrl();
        ShardManager shards = DefaultShardManagerBuilder.createLight(discord.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(discord.apiBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .setShardsTotal(total)
                .setShards(ids)
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (shards.getShards().size() < ids.length && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        for (JDA shard : shards.getShards()) {
            awaitReady(shard, Duration.ofSeconds(20));
        }
        return shards;
    }

    /** Waits for {@code jda} to be ready; shuts it down and fails if it is not within {@code timeout}. */
    public static JDA awaitReady(JDA jda, Duration timeout) throws InterruptedException {
        // JDA 6 has no timed awaitReady(); poll the status instead of blocking without a bound.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jda.getStatus() != JDA.Status.CONNECTED) {
            JDA.Status status = jda.getStatus();
            if (status == JDA.Status.SHUTDOWN || status == JDA.Status.FAILED_TO_LOGIN) {
                throw new IllegalStateException("JDA stopped before ready (status " + status + ")");
            }
            if (System.nanoTime() > deadline) {
                jda.shutdownNow();
                throw new IllegalStateException("JDA not ready within " + timeout + " (status " + status
                        + "); a missing guild field makes JDA wait 75 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return jda;
    }
}
