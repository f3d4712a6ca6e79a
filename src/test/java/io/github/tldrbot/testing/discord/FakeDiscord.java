package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;

/**
 * A local stand-in for Discord (gateway WebSocket + REST API on 127.0.0.1) that the real JDA
 * 6.5.0 connects to, so the bot's Discord code paths run in tests without the internet. It keeps
 * the messages the bot posts, applies Discord's per-channel rate limit and nonce de-duplication,
 * injects faults per channel, and logs every REST request. It shards like Discord (see
 * {@link FakeGateway}): each gateway session sees the guilds of the shard it identified for. Point JDA at it with
 * {@link FakeDiscordJda#connect(FakeDiscord)} or with {@link #apiBaseUrl()} / {@link #gatewayUrl()}.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.builder().token("t").botUser(10, "tldr")
 *         .guild(g -> g.id(100).name("News").textChannel(101, "news")
 *                 .textChannel(102, "locked", BotOverwrite.deny(Permission.MESSAGE_SEND)))
 *         .build().start()) {
 *     JDA jda = FakeDiscordJda.connect(discord);
 *     jda.getTextChannelById(101).sendMessage("hi").complete();
 *     assertThat(discord.messages(101)).hasSize(1);
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiscordJson.BotIdentity bot;
    private final DiscordJson json;
    private final DiscordState state;
    private final FaultPlan faults = new FaultPlan();
    private final ChannelRateLimiter limiter;
    private final RequestLog log = new RequestLog();
    private final FakeGateway gateway;
    private final Snowflakes snowflakes = new Snowflakes();
    private final ExecutorService restExecutor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fake-discord-rest");
        t.setDaemon(true);
        return t;
    });
    private final int shards;
    private final Attachments attachments = new Attachments(snowflakes, mapper);
    private HttpServer rest;

    FakeDiscord(FakeDiscordBuilder b) {
        this.bot = new DiscordJson.BotIdentity(b.token, b.botUserId, b.botName,
                b.applicationId == 0 ? b.botUserId : b.applicationId);
        this.json = new DiscordJson(mapper, bot);
        List<GuildSpec> guilds = b.guilds.stream().map(GuildSpec.Builder::build).toList();
        this.shards = b.shards;
        this.state = new DiscordState(guilds, json, snowflakes, b.botUserId, b.nonceWindow);
        this.limiter = new ChannelRateLimiter(b.rateLimit, b.rateWindow);
        this.gateway = new FakeGateway(mapper, json, state, b.token);
    }

    /** Starts describing a stand-in; defaults: token "test-token", bot 1000/"tldr-bot", 5 msgs / 5 s. */
    public static FakeDiscordBuilder builder() {
        return new FakeDiscordBuilder();
    }

    /** Binds both servers on 127.0.0.1 with free ports. */
    public FakeDiscord start() {
        try {
            gateway.startAndWait();
            rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            rest.createContext("/", new RestRouter(mapper, json, state, faults, limiter, log, bot.token(),
                    gateway::url, shards, attachments));
            rest.setExecutor(restExecutor);
            rest.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the gateway", e);
        }
    }

    /** REST base, e.g. {@code http://127.0.0.1:PORT/api/v10/} (for {@code RestConfig.setBaseUrl}). */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + RestRouter.BASE_PATH;
    }

    /** Gateway URL, e.g. {@code ws://127.0.0.1:PORT/} (what {@code SessionController.getGateway} returns). */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** The bot token the stand-in accepts. */
    public String token() {
        return bot.token();
    }

    public long botUserId() {
        return bot.userId();
    }

    public long applicationId() {
        return bot.applicationId();
    }

    /** Messages the bot posted to a channel, oldest first, as Discord stored them (copies). */
    public List<ObjectNode> messages(long channelId) {
        return state.messages(channelId);
    }

    /** Every REST request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /** Message edits applied so far, all channels (story cards growing, SPEC §6.2a). */
    public int edits() {
        return state.edits();
    }

    /** A moderator deletes a message. */
    public boolean deleteMessage(long channelId, String messageId) {
        return state.deleteMessage(channelId, messageId);
    }

    /** Requests no route matched (answered 404): should be empty in a healthy test. */
    /** Thread ids (forum posts, threads started from messages) under {@code channelId}, oldest first. */
    public List<Long> threadsOf(long channelId) {
        return state.targets().threadsOf(channelId).stream().map(t -> t.id()).toList();
    }

    /** The name of a thread, or null when there is no such thread. */
    public String threadName(long threadId) {
        return state.targets().thread(threadId).map(t -> t.name()).orElse(null);
    }

    /** The tag ids applied to a forum post. */
    public List<String> threadTags(long threadId) {
        return state.targets().thread(threadId).map(t -> t.appliedTags()).orElse(List.of());
    }

    /** Ids of the channel webhooks of {@code channelId}, oldest first. */
    public List<Long> webhooksOf(long channelId) {
        return state.targets().webhooksOf(channelId).stream().map(w -> w.id()).toList();
    }

    /** Deletes a channel webhook as a moderator would: its executes then answer 404 Unknown Webhook. */
    public boolean deleteWebhook(long webhookId) {
        return state.targets().deleteWebhook(webhookId);
    }

    /** Ids of the messages crossposted to following servers, in order. */
    public List<String> crossposted() {
        return state.targets().crossposted();
    }

    public List<RecordedRequest> unroutedRequests() {
        return log.matching(r -> !r.routed());
    }

    /** How many 429 answers a channel's routes got (real limit and injected storms). */
    public int count429(long channelId) {
        return limiter.rejections(channelId);
    }

    /** Queues a fault for requests on {@code channels/{channelId}/...}. */
    public void injectFault(long channelId, Fault fault) {
        faults.add(channelId, fault);
    }

    /** Removes the faults still queued for a channel. */
    public void clearFaults(long channelId) {
        faults.clear(channelId);
    }

    /** Commands registered by the last bulk overwrite: {@code guildId == null} for global ones. */
    public List<ObjectNode> commands(Long guildId) {
        List<ObjectNode> out = new ArrayList<>();
        state.commands(guildId == null ? "global" : "guild:" + guildId).forEach(c -> out.add((ObjectNode) c));
        return out;
    }

    /** Interaction callbacks received (each {@code {interaction_id, token, body}}), in order. */
    public List<ObjectNode> interactionCallbacks() {
        return state.callbacks();
    }

    /** Whether the bot deleted the original response of this interaction (e.g. to answer an error privately). */
    public boolean originalDeleted(String interactionToken) {
        return state.originalDeleted(interactionToken);
    }

    /**
     * Puts a file on the stand-in's CDN (served over 127.0.0.1) and returns Discord's attachment
     * object for it, e.g. for an interaction's file option ({@link Interactions.Builder#attachment}).
     */
    public ObjectNode attachment(String filename, String contentType, byte[] content) {
        return attachments.add("http://127.0.0.1:" + rest.getAddress().getPort() + "/", filename, contentType, content);
    }

    /** The content of a file the bot uploaded (or a test added), by the attachment object's id. */
    public byte[] attachmentContent(ObjectNode attachment) {
        return attachments.find(attachment.path("id").asText()).map(Attachments.File::content)
                .orElseThrow(() -> new IllegalArgumentException("no file " + attachment.path("id").asText()));
    }

    /** Messages created or edited through an interaction's webhook: @original first, then follow-ups. */
    public List<ObjectNode> webhookMessages(String interactionToken) {
        return state.webhookMessages(interactionToken);
    }

    /**
     * Sends a gateway dispatch ({@code op 0}) with the next sequence number to every connected
     * session; returns how many sessions got it. For {@code INTERACTION_CREATE}, the token's
     * channel is remembered so webhook replies carry the right {@code channel_id}.
     */
    public int dispatch(String type, ObjectNode d) {
        if (type.equals("INTERACTION_CREATE") && d.hasNonNull("token") && d.hasNonNull("channel_id")) {
            state.rememberInteraction(d.get("token").asText(), d.get("channel_id").asLong());
        }
        return gateway.dispatchAll(type, d);
    }

    /** A fresh time-based snowflake (e.g. an interaction id that JDA will not consider expired). */
    public long nextSnowflake() {
        return snowflakes.next();
    }

    /** An empty JSON object to build dispatch payloads with. */
    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** Drops every gateway connection (close 1001, like a Discord node going away); JDA resumes. */
    public void disconnectAll() {
        gateway.disconnectAll(1001);
    }

    /** Heartbeats acked so far. */
    public int heartbeatAcks() {
        return gateway.heartbeatAcks();
    }

    /** Successful IDENTIFYs (new sessions) so far. */
    public int identifies() {
        return gateway.identifies();
    }

    /** The shard ({@code "id/total"}) of every successful IDENTIFY, in order. */
    public List<String> identifiedShards() {
        return gateway.identifiedShards();
    }

    /** Successful RESUMEs so far. */
    public int resumes() {
        return gateway.resumes();
    }

    /** Forgets messages, nonces, commands, callbacks, faults, rate-limit windows, 429 counts and the request log. */
    public void reset() {
        state.reset();
        faults.clearAll();
        limiter.reset();
        log.clear();
    }

    @Override
    public void close() {
        if (rest != null) {
            rest.stop(0);
        }
        restExecutor.shutdownNow();
        try {
            gateway.stop(1000);
            restExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shorthand for {@link BotOverwrite#deny}: a channel where the bot lacks these permissions. */
    public static BotOverwrite denyBotPermissions(Permission... permissions) {
        return BotOverwrite.deny(permissions);
    }
}
