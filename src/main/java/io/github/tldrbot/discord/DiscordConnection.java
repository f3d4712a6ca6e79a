package io.github.tldrbot.discord;

import io.github.tldrbot.config.DiscordConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JDA from {@code discord.*} and owns it until {@link #close()}.
 *
 * <p>Gateway intents: none beyond the GUILDS intent JDA always sends (guilds, channels, roles and
 * the bot's own member are what posting and permission checks need; slash commands arrive without
 * any intent). No privileged intent, so the bot works without approval in the developer portal.
 * Cache: the light profile (no member cache except the bot itself, no presences or voice states),
 * plus member permission overrides so that a channel override on the bot is seen locally.
 */
public final class DiscordConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final JDA jda;

    private DiscordConnection(JDA jda) {
        this.jda = jda;
    }

    /**
     * Logs in and waits until every guild is loaded (or {@code readyTimeout} passes).
     *
     * @throws DiscordStartException for a rejected token or an unreachable gateway, with a one-line message
     */
    public static DiscordConnection connect(DiscordConfig config, Duration readyTimeout) throws DiscordStartException, InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        String gateway = config.gatewayUrl();
        JDABuilder builder = JDABuilder.createLight(config.token(), EnumSet.noneOf(GatewayIntent.class))
                .enableCache(CacheFlag.MEMBER_OVERRIDES)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setEnableShutdownHook(false)
                .setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        ready.countDown();
                    }
                });
        if (!gateway.startsWith("wss://gateway.discord.gg")) {
            // Test servers and gateway proxies speak plain JSON; Discord itself gets zlib-stream.
            builder.setCompression(net.dv8tion.jda.api.utils.Compression.NONE);
        }
        JDA jda;
        try {
            jda = builder.build();
        } catch (InvalidTokenException e) {
            throw new DiscordStartException("Discord rejected the bot token; check DISCORD_TOKEN (discord.token) "
                    + "against the Bot page of your application in the Discord developer portal");
        } catch (IllegalArgumentException e) {
            throw new DiscordStartException("cannot start the Discord client: " + scrub(e.getMessage(), config.token()));
        }
        if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            JDA.Status status = jda.getStatus();
            jda.shutdownNow();
            if (status == JDA.Status.FAILED_TO_LOGIN) {
                throw new DiscordStartException("Discord rejected the bot token; check DISCORD_TOKEN (discord.token)");
            }
            throw new DiscordStartException("could not connect to the Discord gateway at " + gateway + " within "
                    + readyTimeout.toSeconds() + " s (status " + status + "); check the network and discord.gatewayUrl");
        }
        jda.awaitStatus(JDA.Status.CONNECTED, JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);
        log.info("connected to Discord as {} (id {}), guilds={}", jda.getSelfUser().getName(), jda.getSelfUser().getId(),
                jda.getGuildCache().size());
        return new DiscordConnection(jda);
    }

    private static String scrub(String message, String token) {
        if (message == null) {
            return "unknown error";
        }
        return token == null || token.isEmpty() ? message : message.replace(token, "****");
    }

    /** The guild of a text channel the bot can see, or empty. */
    public java.util.Optional<Long> guildOf(long channelId) {
        net.dv8tion.jda.api.entities.channel.middleman.GuildChannel channel =
                jda.getChannelById(net.dv8tion.jda.api.entities.channel.middleman.GuildChannel.class, channelId);
        return channel == null ? java.util.Optional.empty() : java.util.Optional.of(channel.getGuild().getIdLong());
    }

    public JDA jda() {
        return jda;
    }

    /** Lets requests in flight finish for a few seconds, then cuts the connection. */
    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_WAIT)) {
                log.warn("Discord client did not stop within {} s; closing it now", SHUTDOWN_WAIT.toSeconds());
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
