package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the stand-in remembers about where messages went beyond plain channels: threads (forum
 * posts and threads started from a message), channel webhooks (their tokens, deleted ones) and
 * crossposts. Synchronized like {@link DiscordState}: JDA sends requests in parallel.
 */
final class DiscordTargets {
    /** A thread; as on Discord, a forum post's first message and a message's thread share the thread's id. */
    record Thread(long id, long guildId, long parentId, String name, List<String> appliedTags) {
    }

    /** A channel webhook made by the bot. */
    record Webhook(long id, String token, long channelId, long guildId, String name) {
    }

    private final Map<Long, Thread> threads = new LinkedHashMap<>();
    private final Map<Long, Webhook> webhooks = new LinkedHashMap<>();
    private final Set<Long> deletedWebhooks = new HashSet<>();
    private final List<String> crossposted = new ArrayList<>();

    synchronized Optional<Thread> thread(long id) {
        return Optional.ofNullable(threads.get(id));
    }

    synchronized void addThread(Thread thread) {
        threads.put(thread.id(), thread);
    }

    /** Threads whose parent is {@code channelId}, oldest first. */
    synchronized List<Thread> threadsOf(long channelId) {
        return threads.values().stream().filter(t -> t.parentId() == channelId).toList();
    }

    synchronized Webhook addWebhook(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    synchronized Optional<Webhook> webhook(long id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    synchronized List<Webhook> webhooksOf(long channelId) {
        return webhooks.values().stream().filter(w -> w.channelId() == channelId).toList();
    }

    /** True for ids of channel webhooks, also deleted ones (their executes answer Unknown Webhook). */
    synchronized boolean isChannelWebhook(long id) {
        return webhooks.containsKey(id) || deletedWebhooks.contains(id);
    }

    synchronized boolean deleteWebhook(long id) {
        if (webhooks.remove(id) == null) {
            return false;
        }
        deletedWebhooks.add(id);
        return true;
    }

    /** Records a crosspost; false when the message was crossposted already. */
    synchronized boolean crosspost(String messageId) {
        if (crossposted.contains(messageId)) {
            return false;
        }
        crossposted.add(messageId);
        return true;
    }

    synchronized List<String> crossposted() {
        return List.copyOf(crossposted);
    }

    synchronized void reset() {
        threads.clear();
        webhooks.clear();
        deletedWebhooks.clear();
        crossposted.clear();
    }

    /** The body's message fields a thread's starter message is built from. */
    static ObjectNode messageBody(ObjectNode body) {
        return body.has("message") && body.get("message").isObject() ? (ObjectNode) body.get("message") : body;
    }
}
