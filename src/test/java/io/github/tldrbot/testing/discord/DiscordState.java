package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in remembers: the guilds it was built with, the messages posted per channel
 * (with Discord's nonce de-duplication), registered commands, interaction callbacks and webhook
 * messages. All methods are synchronized: JDA sends requests in parallel.
 */
final class DiscordState {
    /** Where a message created through the nonce check came from. */
    record Created(ObjectNode message, boolean duplicate) {
    }

    private record NonceKey(long channelId, long authorId, String nonce) {
    }

    private record NonceHit(ObjectNode message, long atMillis) {
    }

    private final List<GuildSpec> guilds;
    private final DiscordJson json;
    private final Snowflakes snowflakes;
    private final long botUserId;
    private final long nonceWindowMillis;
    private final Map<Long, List<ObjectNode>> messages = new HashMap<>();
    private int edits;
    private final Map<NonceKey, NonceHit> nonces = new HashMap<>();
    private final Map<String, ArrayNode> commands = new HashMap<>();
    private final List<ObjectNode> callbacks = new ArrayList<>();
    private final Map<String, List<ObjectNode>> webhookMessages = new HashMap<>();
    private final Map<String, Long> interactionChannels = new HashMap<>();
    private final java.util.Set<String> deletedOriginals = new java.util.HashSet<>();
    private final DiscordTargets targets = new DiscordTargets();

    DiscordState(List<GuildSpec> guilds, DiscordJson json, Snowflakes snowflakes, long botUserId,
                 Duration nonceWindow) {
        this.guilds = List.copyOf(guilds);
        this.json = json;
        this.snowflakes = snowflakes;
        this.botUserId = botUserId;
        this.nonceWindowMillis = nonceWindow.toMillis();
    }

    List<GuildSpec> guilds() {
        return guilds;
    }

    Optional<GuildSpec> guildOfChannel(long channelId) {
        return guilds.stream().filter(g -> g.channel(channelId).isPresent()).findFirst();
    }

    Optional<ObjectNode> channelJson(long channelId) {
        return guildOfChannel(channelId).map(g -> json.channel(g.channel(channelId).orElseThrow(), g.id()));
    }

    /** The bot's effective permissions in a channel (0 when the channel is unknown). */
    long botPermissions(long channelId) {
        return guildOfChannel(channelId)
                .map(g -> g.channel(channelId).orElseThrow().botPermissions(g.everyonePermissions()))
                .orElse(0L);
    }

    /**
     * Creates a bot message, unless the body has {@code enforce_nonce: true} and a nonce the bot
     * already used in this channel within the window: then Discord returns the earlier message.
     */
    synchronized Created createMessage(long channelId, ObjectNode body) {
        long now = System.currentTimeMillis();
        String nonce = body.hasNonNull("nonce") ? body.get("nonce").asText() : null;
        boolean enforce = body.path("enforce_nonce").asBoolean(false);
        NonceKey key = nonce == null ? null : new NonceKey(channelId, botUserId, nonce);
        if (enforce && key != null) {
            NonceHit hit = nonces.get(key);
            if (hit != null && now - hit.atMillis() <= nonceWindowMillis) {
                return new Created(hit.message().deepCopy(), true);
            }
        }
        ObjectNode message = json.message(snowflakes.next(), channelId, body);
        messages.computeIfAbsent(channelId, id -> new ArrayList<>()).add(message);
        if (key != null) {
            nonces.put(key, new NonceHit(message, now));
        }
        return new Created(message.deepCopy(), false);
    }

    long nextSnowflake() {
        return snowflakes.next();
    }

    /** Threads, channel webhooks and crossposts. */
    DiscordTargets targets() {
        return targets;
    }

    /** Stores a message built elsewhere (a thread's first message, a webhook post) under its {@code channel_id}. */
    synchronized ObjectNode addMessage(ObjectNode message) {
        messages.computeIfAbsent(Long.parseLong(message.get("channel_id").asText()), id -> new ArrayList<>()).add(message);
        return message.deepCopy();
    }

    /** A stored message, for reading; empty when there is none. */
    synchronized Optional<ObjectNode> message(long channelId, String messageId) {
        return messages.getOrDefault(channelId, List.of()).stream().filter(m -> m.path("id").asText().equals(messageId))
                .findFirst().map(ObjectNode::deepCopy);
    }

    /** Sets bits in a stored message's flags (Discord sets 1 = CROSSPOSTED); empty when there is no such message. */
    synchronized Optional<ObjectNode> addFlags(long channelId, String messageId, int flags) {
        for (ObjectNode m : messages.getOrDefault(channelId, List.of())) {
            if (m.path("id").asText().equals(messageId)) {
                m.put("flags", m.path("flags").asInt(0) | flags);
                return Optional.of(m.deepCopy());
            }
        }
        return Optional.empty();
    }

    /** Applies an edit to a stored message; empty when there is no such message. */
    synchronized Optional<ObjectNode> editMessage(long channelId, String messageId, ObjectNode body) {
        for (ObjectNode m : messages.getOrDefault(channelId, List.of())) {
            if (m.path("id").asText().equals(messageId)) {
                body.fieldNames().forEachRemaining(name -> {
                    if (name.equals("embeds")) {
                        // stored and answered as Discord does on create: every embed typed "rich"
                        com.fasterxml.jackson.databind.node.ArrayNode embeds = m.putArray("embeds");
                        body.get(name).forEach(e -> {
                            ObjectNode copy = e.deepCopy();
                            copy.put("type", "rich");
                            embeds.add(copy);
                        });
                    } else if (name.equals("content") || name.equals("allowed_mentions")
                            || name.equals("components") || name.equals("flags")) {
                        m.set(name, body.get(name).deepCopy());
                    }
                });
                m.put("edited_timestamp", java.time.Instant.now().toString());
                edits++;
                return Optional.of(m.deepCopy());
            }
        }
        return Optional.empty();
    }

    /** Deletes a stored message (a moderator's delete); false when there is none. */
    synchronized boolean deleteMessage(long channelId, String messageId) {
        return messages.getOrDefault(channelId, new ArrayList<>()).removeIf(m -> m.path("id").asText().equals(messageId));
    }

    /** Edits applied so far, all channels. */
    synchronized int edits() {
        return edits;
    }

    /** Stored messages of a channel, oldest first (copies). */
    synchronized List<ObjectNode> messages(long channelId) {
        return messages.getOrDefault(channelId, List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    /** Up to {@code limit} messages, newest first, as Discord's history endpoint answers. */
    synchronized ArrayNode history(long channelId, int limit) {
        List<ObjectNode> all = messages.getOrDefault(channelId, List.of());
        ArrayNode out = json.array();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i).deepCopy());
        }
        return out;
    }

    /** Stores a bulk command overwrite and returns it with ids, as Discord echoes it. */
    synchronized ArrayNode putCommands(String scope, long applicationId, Long guildId, JsonNode body) {
        ArrayNode stored = json.array();
        for (JsonNode c : body) {
            ObjectNode cmd = ((ObjectNode) c).deepCopy();
            cmd.put("id", Long.toString(snowflakes.next()));
            cmd.put("application_id", Long.toString(applicationId));
            cmd.put("version", Long.toString(snowflakes.next()));
            if (!cmd.has("type")) {
                cmd.put("type", 1);
            }
            if (!cmd.has("description")) {
                cmd.put("description", "");
            }
            if (!cmd.has("options")) {
                cmd.putArray("options");
            }
            if (guildId != null) {
                cmd.put("guild_id", Long.toString(guildId));
            }
            stored.add(cmd);
        }
        commands.put(scope, stored);
        return stored.deepCopy();
    }

    synchronized ArrayNode commands(String scope) {
        ArrayNode stored = commands.get(scope);
        return stored == null ? json.array() : stored.deepCopy();
    }

    synchronized void recordCallback(String interactionId, String token, ObjectNode body) {
        ObjectNode entry = json.object();
        entry.put("interaction_id", interactionId);
        entry.put("token", token);
        entry.set("body", body);
        callbacks.add(entry);
    }

    synchronized List<ObjectNode> callbacks() {
        return callbacks.stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized void rememberInteraction(String token, long channelId) {
        interactionChannels.put(token, channelId);
    }

    /** Creates (follow-up) or replaces (@original) a webhook message of an interaction token. */
    synchronized ObjectNode webhookMessage(String token, ObjectNode body, boolean original) {
        long channelId = interactionChannels.getOrDefault(token, 0L);
        List<ObjectNode> list = webhookMessages.computeIfAbsent(token, t -> new ArrayList<>());
        ObjectNode message;
        if (original && !list.isEmpty() && list.get(0).path("original").asBoolean()) {
            ObjectNode old = list.get(0);
            message = json.message(Long.parseLong(old.get("id").asText()), channelId, body);
            message.put("original", true);
            list.set(0, message);
        } else {
            message = json.message(snowflakes.next(), channelId, body);
            if (original) {
                message.put("original", true);
                list.add(0, message);
            } else {
                list.add(message);
            }
        }
        message.put("webhook_id", Long.toString(botUserId));
        ObjectNode answer = message.deepCopy();
        answer.remove("original");
        return answer;
    }

    /** Deletes the original response of an interaction (kept out of {@link #webhookMessages}). */
    synchronized void deleteOriginal(String token) {
        List<ObjectNode> list = webhookMessages.get(token);
        if (list != null && !list.isEmpty() && list.get(0).path("original").asBoolean()) {
            list.remove(0);
        }
        deletedOriginals.add(token);
    }

    synchronized boolean originalDeleted(String token) {
        return deletedOriginals.contains(token);
    }

    synchronized List<ObjectNode> webhookMessages(String token) {
        return webhookMessages.getOrDefault(token, List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized void reset() {
        messages.clear();
        edits = 0;
        nonces.clear();
        commands.clear();
        callbacks.clear();
        webhookMessages.clear();
        interactionChannels.clear();
        targets.reset();
    }
}
