package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.testing.discord.RestRouter.Call;
import io.github.tldrbot.testing.discord.RestRouter.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.Permission;

/**
 * The routes of SPEC §6.5's targets, with Discord's checks and error codes: crossposting in
 * announcement channels, forum posts ({@code POST channels/{id}/threads}), threads started from a
 * message, channel webhooks (create, list, execute with {@code ?wait=true} and {@code thread_id},
 * edit a webhook message). Channel-webhook executes share their path shape with interaction
 * follow-ups; {@link RestRouter} sends ids of channel webhooks here.
 */
final class TargetRoutes {
    /** Discord's message flag CROSSPOSTED. */
    private static final int CROSSPOSTED = 1;
    private static final int MAX_THREAD_NAME = 100;
    private static final int MAX_APPLIED_TAGS = 5;

    private final RestRouter router;
    private final DiscordJson json;
    private final TargetJson targetJson;
    private final DiscordState state;

    TargetRoutes(RestRouter router, DiscordJson json, DiscordState state) {
        this.router = router;
        this.json = json;
        this.targetJson = new TargetJson(json);
        this.state = state;
    }

    void register() {
        router.route("POST", "channels/(\\d+)/messages/(\\d+)/crosspost", true, this::crosspost);
        router.route("POST", "channels/(\\d+)/messages/(\\d+)/threads", true, this::threadFromMessage);
        router.route("POST", "channels/(\\d+)/threads", true, this::forumPost);
        router.route("POST", "channels/(\\d+)/webhooks", true, this::createWebhook);
        router.route("GET", "channels/(\\d+)/webhooks", true, this::listWebhooks);
        router.route("PATCH", "webhooks/(\\d+)/([^/]+)/messages/(\\d+)", false, this::editWebhookMessage);
    }

    private Reply crosspost(Call c) {
        Optional<ChannelSpec> channel = channel(c.id(1));
        if (channel.isEmpty()) {
            return router.error(404, 10003, "Unknown Channel");
        }
        if (channel.get().type() != ChannelSpec.ANNOUNCEMENT) {
            return router.error(400, 50068, "Invalid message type for this operation");
        }
        String messageId = c.params().group(2);
        if (state.message(c.id(1), messageId).isEmpty()) {
            return router.error(404, 10008, "Unknown Message");
        }
        if (!state.targets().crosspost(messageId)) {
            return router.error(400, 40033, "This message has already been crossposted.");
        }
        return Reply.json(200, state.addFlags(c.id(1), messageId, CROSSPOSTED).orElseThrow());
    }

    private Reply threadFromMessage(Call c) {
        long channelId = c.id(1);
        Optional<GuildSpec> guild = state.guildOfChannel(channelId);
        if (guild.isEmpty()) {
            return router.error(404, 10003, "Unknown Channel");
        }
        if (!has(channelId, Permission.CREATE_PUBLIC_THREADS)) {
            return router.error(403, 50013, "Missing Permissions");
        }
        String messageId = c.params().group(2);
        if (state.message(channelId, messageId).isEmpty()) {
            return router.error(404, 10008, "Unknown Message");
        }
        long threadId = Long.parseLong(messageId);
        if (state.targets().thread(threadId).isPresent()) {
            return router.error(400, 160004, "A thread has already been created for this message");
        }
        Optional<String> badName = badName(c.body().path("name").asText(""));
        if (badName.isPresent()) {
            return router.error(400, 50035, badName.get());
        }
        String name = c.body().path("name").asText();
        state.targets().addThread(new DiscordTargets.Thread(threadId, guild.get().id(), channelId, name, List.of()));
        return Reply.json(201, targetJson.thread(threadId, guild.get().id(), channelId, name, List.of()));
    }

    private Reply forumPost(Call c) {
        long channelId = c.id(1);
        Optional<ChannelSpec> channel = channel(channelId);
        if (channel.isEmpty()) {
            return router.error(404, 10003, "Unknown Channel");
        }
        if (channel.get().type() != ChannelSpec.FORUM) {
            return router.error(400, 50024, "Cannot execute action on this channel type");
        }
        if (!has(channelId, Permission.VIEW_CHANNEL) || !has(channelId, Permission.MESSAGE_SEND)) {
            return router.error(403, 50013, "Missing Permissions");
        }
        ObjectNode body = router.objectBody(c);
        Optional<Reply> bad = badPost(channel.get(), body.path("name").asText(""), body.path("applied_tags"));
        if (bad.isPresent()) {
            return bad.get();
        }
        ObjectNode message = DiscordTargets.messageBody(body);
        long threadId = state.nextSnowflake();
        ObjectNode thread = newThread(channel.get(), threadId, body.path("name").asText(), tags(body.path("applied_tags")));
        thread.set("message", state.addMessage(json.message(threadId, threadId, message)));
        return Reply.json(201, thread);
    }

    private Reply createWebhook(Call c) {
        long channelId = c.id(1);
        Optional<GuildSpec> guild = state.guildOfChannel(channelId);
        if (guild.isEmpty()) {
            return router.error(404, 10003, "Unknown Channel");
        }
        if (!has(channelId, Permission.MANAGE_WEBHOOKS)) {
            return router.error(403, 50013, "Missing Permissions");
        }
        String name = c.body().path("name").asText("");
        if (name.isBlank() || name.length() > 80) {
            return router.error(400, 50035, "Invalid Form Body: name must be 1-80 characters");
        }
        long id = state.nextSnowflake();
        String token = "wh-" + UUID.randomUUID().toString().replace("-", "");
        state.targets().addWebhook(new DiscordTargets.Webhook(id, token, channelId, guild.get().id(), name));
        return Reply.json(200, targetJson.webhook(id, token, channelId, guild.get().id(), name));
    }

    private Reply listWebhooks(Call c) {
        long channelId = c.id(1);
        Optional<GuildSpec> guild = state.guildOfChannel(channelId);
        if (guild.isEmpty()) {
            return router.error(404, 10003, "Unknown Channel");
        }
        if (!has(channelId, Permission.MANAGE_WEBHOOKS)) {
            return router.error(403, 50013, "Missing Permissions");
        }
        ArrayNode list = json.array();
        state.targets().webhooksOf(channelId).forEach(w -> list.add(targetJson.webhook(w.id(), w.token(), w.channelId(), w.guildId(), w.name())));
        return Reply.json(200, list);
    }

    /** {@code POST webhooks/{id}/{token}[?wait=true][&thread_id=]} for a channel webhook. */
    Reply executeWebhook(Call c) {
        Optional<DiscordTargets.Webhook> found = state.targets().webhook(c.id(1));
        if (found.isEmpty()) {
            return router.error(404, 10015, "Unknown Webhook");
        }
        DiscordTargets.Webhook hook = found.get();
        if (!hook.token().equals(c.params().group(2))) {
            return router.error(401, 50027, "Invalid Webhook Token");
        }
        ObjectNode body = router.objectBody(c);
        if (body.path("content").asText("").isEmpty() && body.path("embeds").isEmpty()) {
            return router.error(400, 50006, "Cannot send an empty message");
        }
        ChannelSpec channel = channel(hook.channelId()).orElseThrow();
        String threadId = c.query().get("thread_id");
        long target;
        long messageId = state.nextSnowflake();
        if (threadId != null) {
            Optional<DiscordTargets.Thread> thread = state.targets().thread(Long.parseLong(threadId));
            if (thread.isEmpty() || thread.get().parentId() != hook.channelId()) {
                return router.error(400, 10003, "Unknown Channel");
            }
            target = thread.get().id();
        } else if (channel.type() == ChannelSpec.FORUM) {
            if (!body.hasNonNull("thread_name")) {
                return router.error(400, 220001, "Webhooks posted to forum channels must have a thread_name or thread_id");
            }
            Optional<Reply> bad = badPost(channel, body.path("thread_name").asText(""), body.path("applied_tags"));
            if (bad.isPresent()) {
                return bad.get();
            }
            newThread(channel, messageId, body.get("thread_name").asText(), tags(body.path("applied_tags")));
            target = messageId;
        } else {
            target = hook.channelId();
        }
        ObjectNode message = json.message(messageId, target, body);
        String username = body.path("username").asText("");
        message.set("author", targetJson.webhookAuthor(hook.id(), username.isBlank() ? hook.name() : username));
        message.put("webhook_id", Long.toString(hook.id()));
        message.remove("nonce");
        ObjectNode stored = state.addMessage(message);
        if (!"true".equals(c.query().get("wait"))) {
            return new Reply(204, null, new LinkedHashMap<>());
        }
        return Reply.json(200, stored);
    }

    private Reply editWebhookMessage(Call c) {
        Optional<DiscordTargets.Webhook> found = state.targets().webhook(c.id(1));
        if (found.isEmpty()) {
            return router.error(404, 10015, "Unknown Webhook");
        }
        DiscordTargets.Webhook hook = found.get();
        if (!hook.token().equals(c.params().group(2))) {
            return router.error(401, 50027, "Invalid Webhook Token");
        }
        String threadId = c.query().get("thread_id");
        long channelId = threadId == null ? hook.channelId() : Long.parseLong(threadId);
        String messageId = c.params().group(3);
        Optional<ObjectNode> message = state.message(channelId, messageId);
        if (message.isEmpty() || !message.get().path("webhook_id").asText().equals(Long.toString(hook.id()))) {
            return router.error(404, 10008, "Unknown Message");
        }
        return state.editMessage(channelId, messageId, router.objectBody(c)).map(m -> Reply.json(200, m))
                .orElseGet(() -> router.error(404, 10008, "Unknown Message"));
    }

    private ObjectNode newThread(ChannelSpec forum, long threadId, String name, List<String> tags) {
        long guildId = state.guildOfChannel(forum.id()).orElseThrow().id();
        state.targets().addThread(new DiscordTargets.Thread(threadId, guildId, forum.id(), name, tags));
        return targetJson.thread(threadId, guildId, forum.id(), name, tags);
    }

    /** A forum post's title and tags as Discord checks them. */
    private Optional<Reply> badPost(ChannelSpec forum, String name, JsonNode appliedTags) {
        Optional<String> badName = badName(name);
        if (badName.isPresent()) {
            return Optional.of(router.error(400, 50035, badName.get()));
        }
        if (appliedTags.size() > MAX_APPLIED_TAGS) {
            return Optional.of(router.error(400, 50035, "Invalid Form Body: applied_tags must have at most 5 items"));
        }
        for (String tag : tags(appliedTags)) {
            if (forum.tags().stream().noneMatch(t -> Long.toString(t.id()).equals(tag))) {
                return Optional.of(router.error(400, 50035, "Invalid Form Body: unknown tag " + tag));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> badName(String name) {
        if (name.isBlank() || name.length() > MAX_THREAD_NAME) {
            return Optional.of("Invalid Form Body: name must be 1-100 characters, was " + name.length());
        }
        return Optional.empty();
    }

    private static List<String> tags(JsonNode appliedTags) {
        List<String> out = new ArrayList<>();
        appliedTags.forEach(t -> out.add(t.asText()));
        return out;
    }

    private Optional<ChannelSpec> channel(long channelId) {
        return state.guildOfChannel(channelId).flatMap(g -> g.channel(channelId));
    }

    private boolean has(long channelId, Permission permission) {
        return (state.botPermissions(channelId) & permission.getRawValue()) != 0;
    }
}
