package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Renders the stand-in's model as the JSON objects Discord sends, with the fields JDA 6.5.0 reads
 * (a missing guild field makes JDA give up on the guild after 75 s, so these stay complete).
 */
final class DiscordJson {
    private final ObjectMapper mapper;
    private final BotIdentity bot;

    /** The bot account the stand-in serves. */
    record BotIdentity(String token, long userId, String username, long applicationId) {
    }

    DiscordJson(ObjectMapper mapper, BotIdentity bot) {
        this.mapper = mapper;
        this.bot = bot;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    ObjectNode user(long id, String username, boolean isBot) {
        ObjectNode u = object();
        u.put("id", Long.toString(id));
        u.put("username", username);
        u.put("discriminator", "0");
        u.putNull("global_name");
        u.putNull("avatar");
        u.put("bot", isBot);
        u.put("public_flags", 0);
        return u;
    }

    long botUserId() {
        return bot.userId();
    }

    long applicationId() {
        return bot.applicationId();
    }

    ObjectNode botUser() {
        ObjectNode u = user(bot.userId(), bot.username(), true);
        u.put("verified", true);
        u.put("mfa_enabled", false);
        u.put("flags", 0);
        return u;
    }

    ObjectNode ready(String sessionId, String resumeUrl, Iterable<GuildSpec> guilds) {
        ObjectNode d = object();
        d.put("v", 10);
        d.set("user", botUser());
        ArrayNode list = d.putArray("guilds");
        for (GuildSpec g : guilds) {
            list.addObject().put("id", Long.toString(g.id())).put("unavailable", true);
        }
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", resumeUrl);
        d.putObject("application").put("id", Long.toString(bot.applicationId())).put("flags", 0);
        d.putArray("_trace").add("fake-discord");
        return d;
    }

    ObjectNode guildCreate(GuildSpec g) {
        ObjectNode d = object();
        d.put("id", Long.toString(g.id()));
        d.put("name", g.name());
        d.putNull("icon");
        d.putNull("splash");
        d.putNull("banner");
        d.putNull("description");
        d.putNull("vanity_url_code");
        d.put("owner_id", Long.toString(g.ownerId()));
        d.put("afk_timeout", 300);
        d.putNull("afk_channel_id");
        if (g.systemChannelId() != 0) {
            d.put("system_channel_id", Long.toString(g.systemChannelId()));
        } else {
            d.putNull("system_channel_id");
        }
        d.put("system_channel_flags", 0);
        d.putNull("rules_channel_id");
        d.putNull("public_updates_channel_id");
        d.putNull("safety_alerts_channel_id");
        d.put("verification_level", 0);
        d.put("default_message_notifications", 0);
        d.put("explicit_content_filter", 0);
        d.put("mfa_level", 0);
        d.put("nsfw_level", 0);
        d.put("premium_tier", 0);
        d.put("premium_subscription_count", 0);
        d.put("premium_progress_bar_enabled", false);
        d.put("preferred_locale", "en-US");
        d.put("max_members", 500000);
        d.put("large", false);
        d.put("unavailable", false);
        d.put("joined_at", Instant.now().toString());
        d.putArray("features");
        d.putArray("threads");
        d.putArray("guild_scheduled_events");
        d.putArray("emojis");
        d.putArray("stickers");
        d.putArray("soundboard_sounds");
        d.putArray("voice_states");
        d.putArray("presences");
        d.putArray("stage_instances");

        ArrayNode roles = d.putArray("roles");
        roles.add(role(g.id(), "@everyone", 0, g.everyonePermissions()));
        for (RoleSpec r : g.roles()) {
            roles.add(role(r.id(), r.name(), r.position(), r.permissions()));
        }

        ArrayNode channels = d.putArray("channels");
        for (ChannelSpec c : g.channels()) {
            ObjectNode ch = channel(c, g.id());
            ch.remove("guild_id");
            channels.add(ch);
        }

        ArrayNode members = d.putArray("members");
        members.add(member(botUser()));
        members.add(member(user(g.ownerId(), "owner", false)));
        d.put("member_count", members.size());
        return d;
    }

    private ObjectNode role(long id, String name, int position, long permissions) {
        ObjectNode r = object();
        r.put("id", Long.toString(id));
        r.put("name", name);
        r.put("position", position);
        r.put("permissions", Long.toString(permissions));
        r.put("color", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        r.put("hoist", false);
        r.put("managed", false);
        r.put("mentionable", true);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        r.put("flags", 0);
        return r;
    }

    private ObjectNode member(ObjectNode user) {
        ObjectNode m = object();
        m.set("user", user);
        m.putArray("roles");
        m.putNull("nick");
        m.putNull("avatar");
        m.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        m.put("deaf", false);
        m.put("mute", false);
        m.put("pending", false);
        m.put("flags", 0);
        return m;
    }

    ObjectNode channel(ChannelSpec c, long guildId) {
        ObjectNode ch = object();
        ch.put("id", Long.toString(c.id()));
        ch.put("type", c.type());
        ch.put("guild_id", Long.toString(guildId));
        ch.put("name", c.name());
        ch.put("position", c.position());
        ch.putNull("parent_id");
        ch.putNull("topic");
        ch.put("nsfw", false);
        ch.put("rate_limit_per_user", 0);
        ch.putNull("last_message_id");
        ch.put("flags", 0);
        ArrayNode overwrites = ch.putArray("permission_overwrites");
        for (BotOverwrite o : c.overwrites()) {
            overwrites.addObject()
                    .put("id", Long.toString(bot.userId()))
                    .put("type", 1)
                    .put("allow", Long.toString(o.allow()))
                    .put("deny", Long.toString(o.deny()));
        }
        if (c.type() == ChannelSpec.FORUM) {
            ArrayNode tags = ch.putArray("available_tags");
            for (ChannelSpec.Tag t : c.tags()) {
                tags.addObject().put("id", Long.toString(t.id())).put("name", t.name()).put("moderated", false)
                        .putNull("emoji_id").putNull("emoji_name");
            }
            ch.putNull("default_reaction_emoji");
            ch.put("default_sort_order", 0);
            ch.put("default_forum_layout", 1);
            ch.put("default_thread_rate_limit_per_user", 0);
        }
        return ch;
    }

    /** A message posted by the bot, built from the create-message body JDA sent. */
    ObjectNode message(long id, long channelId, ObjectNode body) {
        ObjectNode m = object();
        m.put("id", Long.toString(id));
        m.put("type", 0);
        m.put("channel_id", Long.toString(channelId));
        m.set("author", user(bot.userId(), bot.username(), true));
        m.put("content", body.path("content").asText(""));
        m.put("timestamp", Instant.now().toString());
        m.putNull("edited_timestamp");
        m.put("tts", false);
        m.put("mention_everyone", false);
        m.put("pinned", false);
        m.put("flags", body.path("flags").asInt(0));
        m.putArray("mentions");
        ArrayNode mentionRoles = m.putArray("mention_roles");
        mentionedRoles(m.path("content").asText(), body).forEach(mentionRoles::add);
        ArrayNode embeds = m.putArray("embeds");
        body.path("embeds").forEach(e -> {
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            copy.put("type", "rich");
            embeds.add(copy);
        });
        ArrayNode attachments = m.putArray("attachments");
        body.path("attachments").forEach(a -> {
            if (a.has("url")) { // uploaded with the message (see Attachments)
                attachments.add(a.deepCopy());
            }
        });
        m.putArray("components");
        if (body.has("allowed_mentions")) {
            m.set("allowed_mentions", body.get("allowed_mentions").deepCopy());
        }
        if (body.hasNonNull("nonce")) {
            m.set("nonce", body.get("nonce").deepCopy());
        }
        return m;
    }

    /**
     * Role ids mentioned in the content that the body's allowed_mentions lets ping, as Discord
     * decides it: no allowed_mentions = all, {@code parse:["roles"]} = all, else the listed ids.
     */
    static java.util.List<String> mentionedRoles(String content, ObjectNode body) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = ROLE_MENTION.matcher(content);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        if (!body.has("allowed_mentions")) {
            return ids;
        }
        com.fasterxml.jackson.databind.JsonNode allowed = body.get("allowed_mentions");
        for (com.fasterxml.jackson.databind.JsonNode p : allowed.path("parse")) {
            if (p.asText().equals("roles")) {
                return ids;
            }
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        allowed.path("roles").forEach(r -> listed.add(r.asText()));
        return ids.stream().filter(listed::contains).toList();
    }

    private static final java.util.regex.Pattern ROLE_MENTION = java.util.regex.Pattern.compile("<@&(\\d+)>");
}
