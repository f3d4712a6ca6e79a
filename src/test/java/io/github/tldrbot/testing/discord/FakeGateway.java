package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord gateway, JSON encoding without compression. Sends HELLO on open (JDA sends its
 * IDENTIFY before reading HELLO, so either order must work), checks the token in IDENTIFY (wrong →
 * close 4004), answers READY plus one GUILD_CREATE per guild, acks heartbeats, and answers RESUME
 * of a known session with RESUMED (unknown session → INVALID_SESSION d=false, so JDA re-identifies).
 * Sequence numbers are kept per session and survive a resume.
 *
 * <p>Sharding as Discord does it: IDENTIFY's {@code shard: [id, total]} (absent = {@code [0, 1]})
 * picks the session's shard; READY and GUILD_CREATE name only the guilds on that shard,
 * {@code (guild_id >> 22) % total == id}, and a guild's dispatches go only to its shard's session.
 * A shard id not below its total is closed with 4010 (Invalid shard).
 */
final class FakeGateway extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    static final int HEARTBEAT_INTERVAL_MS = 41_250;

    /** A gateway session; outlives its connection so RESUME can continue it. */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final AtomicInteger sequence = new AtomicInteger();
        final int shard;
        final int shards;
        volatile WebSocket socket;

        Session(int shard, int shards) {
            this.shard = shard;
            this.shards = shards;
        }

        boolean owns(long guildId) {
            return (guildId >> 22) % shards == shard;
        }
    }

    private final ObjectMapper mapper;
    private final DiscordJson json;
    private final DiscordState state;
    private final String token;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger heartbeatAcks = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final java.util.List<String> identifiedShards = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeGateway(ObjectMapper mapper, DiscordJson json, DiscordState state, String token) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.mapper = mapper;
        this.json = json;
        this.state = state;
        this.token = token;
        setReuseAddr(true);
        setDaemon(true);
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway did not start within 10 s");
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        LOG.debug("gateway open resource={}", handshake.getResourceDescriptor());
        send(conn, op(10, json.object().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (Exception e) {
            conn.close(4002, "Error while decoding payload.");
            return;
        }
        switch (frame.path("op").asInt(-1)) {
            case 1 -> {
                heartbeatAcks.incrementAndGet();
                send(conn, json.object().put("op", 11));
            }
            case 2 -> identify(conn, frame.path("d"));
            case 6 -> resume(conn, frame.path("d"));
            default -> LOG.debug("gateway ignores op={}", frame.path("op").asInt(-1));
        }
    }

    private void identify(WebSocket conn, JsonNode d) {
        if (!token.equals(d.path("token").asText())) {
            conn.close(4004, "Authentication failed.");
            return;
        }
        JsonNode shard = d.path("shard");
        int shardId = shard.isArray() ? shard.path(0).asInt() : 0;
        int shards = shard.isArray() ? shard.path(1).asInt() : 1;
        if (shards < 1 || shardId < 0 || shardId >= shards) {
            conn.close(4010, "Invalid shard.");
            return;
        }
        identifies.incrementAndGet();
        identifiedShards.add(shardId + "/" + shards);
        Session session = new Session(shardId, shards);
        session.socket = conn;
        conn.setAttachment(session);
        sessions.put(session.id, session);
        java.util.List<GuildSpec> guilds = state.guilds().stream().filter(g -> session.owns(g.id())).toList();
        ObjectNode ready = json.ready(session.id, url(), guilds);
        ready.putArray("shard").add(shardId).add(shards);
        dispatch(session, "READY", ready);
        for (GuildSpec g : guilds) {
            dispatch(session, "GUILD_CREATE", json.guildCreate(g));
        }
    }

    private void resume(WebSocket conn, JsonNode d) {
        Session session = sessions.get(d.path("session_id").asText());
        if (session == null || !token.equals(d.path("token").asText())) {
            send(conn, json.object().put("op", 9).put("d", false));
            return;
        }
        resumes.incrementAndGet();
        session.socket = conn;
        conn.setAttachment(session);
        dispatch(session, "RESUMED", json.object());
    }

    /**
     * Sends a dispatch to every identified connection — for a guild's event ({@code guild_id} or
     * {@code guild.id}), only to the sessions of that guild's shard; returns how many received it.
     */
    int dispatchAll(String type, ObjectNode d) {
        long guild = d.hasNonNull("guild_id") ? d.get("guild_id").asLong() : d.path("guild").path("id").asLong(-1);
        int sent = 0;
        for (Session s : sessions.values()) {
            WebSocket socket = s.socket;
            if (socket != null && socket.isOpen() && (guild < 0 || s.owns(guild))) {
                dispatch(s, type, d);
                sent++;
            }
        }
        return sent;
    }

    private void dispatch(Session session, String type, ObjectNode d) {
        synchronized (session) { // sequence numbers must reach the socket in order
            dispatchLocked(session, type, d);
        }
    }

    private void dispatchLocked(Session session, String type, ObjectNode d) {
        ObjectNode frame = json.object();
        frame.put("op", 0);
        frame.put("t", type);
        frame.put("s", session.sequence.incrementAndGet());
        frame.set("d", d);
        send(session.socket, frame);
    }

    /** Closes every connection with {@code code}; sessions stay resumable. */
    void disconnectAll(int code) {
        for (WebSocket conn : getConnections()) {
            conn.close(code, "stand-in disconnect");
        }
    }

    int heartbeatAcks() {
        return heartbeatAcks.get();
    }

    int identifies() {
        return identifies.get();
    }

    int resumes() {
        return resumes.get();
    }

    /** The {@code id/total} of every successful IDENTIFY, in order. */
    java.util.List<String> identifiedShards() {
        return java.util.List.copyOf(identifiedShards);
    }

    private ObjectNode op(int op, ObjectNode d) {
        ObjectNode frame = json.object();
        frame.put("op", op);
        frame.set("d", d);
        return frame;
    }

    private void send(WebSocket conn, ObjectNode frame) {
        if (conn != null && conn.isOpen()) {
            conn.send(frame.toString());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        LOG.debug("gateway closed code={} remote={}", code, remote);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        LOG.debug("gateway error: {}", ex.toString());
    }
}
