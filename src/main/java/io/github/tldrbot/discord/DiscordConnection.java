package io.github.tldrbot.discord;

import io.github.tldrbot.cluster.ShardControl;
import io.github.tldrbot.config.DiscordConfig;
import io.github.tldrbot.config.ShardSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JDA's shard manager from {@code discord.*} — the shards named by {@code discord.shards}
 * (SPEC §13), one gateway session each — and owns it until {@link #close()}. Everything that looks
 * up a channel or a guild goes through {@link #shards()}, which finds it on the shard that has it.
 *
 * <p>Gateway intents: none beyond the GUILDS intent JDA always sends (guilds, channels, roles and
 * the bot's own member are what posting and permission checks need; slash commands arrive without
 * any intent). No privileged intent, so the bot works without approval in the developer portal.
 * Cache: the light profile (no member cache except the bot itself, no presences or voice states),
 * plus member permission overrides so that a channel override on the bot is seen locally.
 */
public final class DiscordConnection implements ShardControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    /** How long a shard taken over from a dead process may take to connect and load its guilds. */
    private static final Duration TAKEOVER_READY = Duration.ofSeconds(60);

    private final ShardManager shards;
    private final ShardSet shardSet;

    private DiscordConnection(ShardManager shards, ShardSet shardSet) {
        this.shards = shards;
        this.shardSet = shardSet;
    }

    /**
     * Logs in every configured shard and waits until each has loaded its guilds (or {@code readyTimeout} passes).
     *
     * @throws DiscordStartException for a rejected token or an unreachable gateway, with a one-line message
     */
    public static DiscordConnection connect(DiscordConfig config, Duration readyTimeout) throws DiscordStartException, InterruptedException {
        return connect(config, readyTimeout, () -> { });
    }

    /**
     * @param onRateLimited run for every HTTP 429 Discord answers (JDA waits and retries by itself;
     *                      this only counts them, SPEC §11)
     */
    public static DiscordConnection connect(DiscordConfig config, Duration readyTimeout, Runnable onRateLimited)
            throws DiscordStartException, InterruptedException {
        ShardSet shardSet = config.shards();
        CountDownLatch ready = new CountDownLatch(shardSet.ids().size());
        String gateway = config.gatewayUrl();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token(), EnumSet.noneOf(GatewayIntent.class))
                .enableCache(CacheFlag.MEMBER_OVERRIDES, CacheFlag.FORUM_TAGS) // forum tags: a post carries its audiences' tags
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setEnableShutdownHook(false)
                .setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl()))
                .setSessionController(new FixedGateway(gateway))
                .setHttpClientBuilder(countingRateLimits(onRateLimited))
                .setShardsTotal(shardSet.total())
                .setShards(shardSet.ids())
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        ready.countDown();
                    }
                });
        if (!gateway.startsWith("wss://gateway.discord.gg")) {
            // Test servers and gateway proxies speak plain JSON; Discord itself gets zlib-stream.
            builder.setCompression(Compression.NONE);
        }
        ShardManager shards;
        try {
            shards = builder.build();
        } catch (InvalidTokenException e) {
            throw new DiscordStartException("Discord rejected the bot token; check DISCORD_TOKEN (discord.token) "
                    + "against the Bot page of your application in the Discord developer portal");
        } catch (IllegalArgumentException e) {
            throw new DiscordStartException("cannot start the Discord client: " + scrub(e.getMessage(), config.token()));
        }
        DiscordConnection connection = new DiscordConnection(shards, shardSet);
        if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String statuses = connection.statuses();
            boolean rejected = shards.getShards().stream().anyMatch(s -> s.getStatus() == JDA.Status.FAILED_TO_LOGIN);
            connection.shutdownNow();
            if (rejected) {
                throw new DiscordStartException("Discord rejected the bot token; check DISCORD_TOKEN (discord.token)");
            }
            throw new DiscordStartException("could not connect to the Discord gateway at " + gateway + " within "
                    + readyTimeout.toSeconds() + " s (shards " + statuses + "); check the network and discord.gatewayUrl");
        }
        for (JDA shard : shards.getShards()) {
            shard.awaitStatus(JDA.Status.CONNECTED, JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);
        }
        JDA any = shards.getShards().get(0);
        log.info("connected to Discord as {} (id {}), shards={} guilds={}", any.getSelfUser().getName(), any.getSelfUser().getId(),
                shardSet.describe(), shards.getGuildCache().size());
        return connection;
    }

    /**
     * JDA's own HTTP client settings (25 requests per host, 5 idle connections for 10 s, as its
     * internal {@code IOUtil.newHttpClientBuilder}) plus an interceptor that counts 429 answers.
     */
    private static OkHttpClient.Builder countingRateLimits(Runnable onRateLimited) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS)).dispatcher(dispatcher)
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    if (response.code() == 429) {
                        onRateLimited.run();
                    }
                    return response;
                });
    }

    private static String scrub(String message, String token) {
        if (message == null) {
            return "unknown error";
        }
        return token == null || token.isEmpty() ? message : message.replace(token, "****");
    }

    /** "0=CONNECTED, 1=LOADING_SUBSYSTEMS", for messages. */
    private String statuses() {
        return String.join(", ", shards.getShards().stream()
                .map(s -> s.getShardInfo().getShardId() + "=" + s.getStatus()).toList());
    }

    /** Null when every shard's gateway session is connected; else which are not ({@code /health}). */
    public String problem() {
        List<String> down = shards.getShards().stream().filter(s -> s.getStatus() != JDA.Status.CONNECTED)
                .map(s -> "shard " + s.getShardInfo().getShardId() + " " + s.getStatus()).toList();
        return down.isEmpty() ? null : "Discord gateway not connected: " + String.join(", ", down);
    }

    /** The guild of a channel on this process's shards, or empty (unknown, or another process's shard). */
    public Optional<Long> guildOf(long channelId) {
        GuildChannel channel = shards.getChannelById(GuildChannel.class, channelId);
        return channel == null ? Optional.empty() : Optional.of(channel.getGuild().getIdLong());
    }

    /**
     * Starts one more shard (taken over from a dead process, SPEC §13) and waits until it has loaded
     * its guilds, so its channels are known before anything is sent there.
     */
    @Override
    public boolean start(int id) throws InterruptedException {
        ShardQueueWorker.clearFinished(shards);
        shards.start(id);
        long deadline = System.nanoTime() + TAKEOVER_READY.toNanos();
        while (System.nanoTime() < deadline) {
            JDA shard = shards.getShardById(id);
            if (shard != null && shard.getStatus() == JDA.Status.CONNECTED) {
                log.info("Discord shard {} connected: guilds={}", id, shard.getGuildCache().size());
                return true;
            }
            if (shard != null && shard.getStatus() == JDA.Status.FAILED_TO_LOGIN) {
                return false;
            }
            Thread.sleep(100);
        }
        JDA shard = shards.getShardById(id);
        log.warn("Discord shard {} not ready after {} s: status={} queued={}", id, TAKEOVER_READY.toSeconds(),
                shard == null ? "not built" : shard.getStatus(), shards.getShardsQueued());
        return false;
    }

    /** Disconnects one shard (handed back to its configured process, or lost). */
    @Override
    public void stop(int id) {
        shards.shutdown(id);
    }

    /** The shard manager: channel and guild look-ups across this process's shards, listeners on all of them. */
    public ShardManager shards() {
        return shards;
    }

    /** The shards this process runs. */
    public ShardSet shardSet() {
        return shardSet;
    }

    /** Lets requests in flight finish for a few seconds on every shard, then cuts the connections. */
    @Override
    public void close() {
        List<JDA> running = shards.getShards();
        running.forEach(JDA::shutdown);
        try {
            for (JDA shard : running) {
                if (!shard.awaitShutdown(SHUTDOWN_WAIT)) {
                    log.warn("Discord shard {} did not stop within {} s; closing it now", shard.getShardInfo().getShardId(),
                            SHUTDOWN_WAIT.toSeconds());
                    shard.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            running.forEach(JDA::shutdownNow);
            Thread.currentThread().interrupt();
        }
        shards.shutdown();
    }

    private void shutdownNow() {
        shards.getShards().forEach(JDA::shutdownNow);
        shards.shutdown();
    }

    /**
     * Connects every shard to the configured gateway ({@code discord.gatewayUrl}, a proxy or a test
     * server) while the shard count check and the identify concurrency still come from Discord's
     * {@code GET gateway/bot}, as JDA's shard manager asks it.
     */
    private static final class FixedGateway extends ConcurrentSessionController {
        private final String gateway;

        FixedGateway(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public String getGateway() {
            return gateway;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            ShardedGateway discord = super.getShardedGateway(api);
            return new ShardedGateway(gateway, discord.getShardTotal(), discord.getConcurrency());
        }
    }
}
