package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The JSON Discord sends for threads and channel webhooks (SPEC §6.5 targets), with the fields JDA 6.5.0 reads. */
final class TargetJson {
    private final DiscordJson json;

    TargetJson(DiscordJson json) {
        this.json = json;
    }

    /** A public thread (type 11) started by the bot, as Discord answers thread creation. */
    ObjectNode thread(long id, long guildId, long parentId, String name, java.util.List<String> appliedTags) {
        ObjectNode t = json.object();
        t.put("id", Long.toString(id));
        t.put("type", 11);
        t.put("guild_id", Long.toString(guildId));
        t.put("parent_id", Long.toString(parentId));
        t.put("owner_id", Long.toString(json.botUserId()));
        t.put("name", name);
        t.put("last_message_id", Long.toString(id));
        t.put("message_count", 1);
        t.put("member_count", 1);
        t.put("total_message_sent", 1);
        t.put("rate_limit_per_user", 0);
        t.put("flags", 0);
        ArrayNode tags = t.putArray("applied_tags");
        appliedTags.forEach(tags::add);
        t.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", Instant.now().toString()).put("locked", false)
                .put("create_timestamp", Instant.now().toString());
        return t;
    }

    /** A channel webhook (type 1, incoming) the bot created; Discord shows its token to its creator. */
    ObjectNode webhook(long id, String token, long channelId, long guildId, String name) {
        ObjectNode w = json.object();
        w.put("id", Long.toString(id));
        w.put("type", 1);
        w.put("guild_id", Long.toString(guildId));
        w.put("channel_id", Long.toString(channelId));
        w.put("name", name);
        w.putNull("avatar");
        w.put("token", token);
        w.put("application_id", Long.toString(json.applicationId()));
        w.set("user", json.botUser());
        return w;
    }

    /** The author Discord shows on a webhook message: the webhook's id under the post's username. */
    ObjectNode webhookAuthor(long webhookId, String username) {
        ObjectNode u = json.user(webhookId, username, true);
        u.put("discriminator", "0000");
        return u;
    }
}
