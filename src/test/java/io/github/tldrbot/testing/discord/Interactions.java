package io.github.tldrbot.testing.discord;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends slash commands, autocomplete requests and button clicks to the bot through the stand-in's
 * gateway, as Discord would (see the protocol notes), and reads the bot's answers.
 *
 * <pre>{@code
 * Interactions ui = new Interactions(discord, GUILD, CHANNEL, "news");
 * Interactions.Sent sent = ui.slash("feed").sub("add").string("url", feedUrl).moderator().send();
 * String text = sent.awaitReplyText();      // the deferred reply's final content
 * boolean privately = sent.ephemeral();
 * }</pre>
 */
public final class Interactions {
    private static final AtomicInteger TOKENS = new AtomicInteger();
    /** Manage Server (1 << 5) plus the usual member permissions. */
    public static final long MODERATOR_PERMISSIONS = GuildSpec.DEFAULT_BOT_PERMISSIONS | (1L << 5);
    /** View Channel and Send Messages only: an ordinary member. */
    public static final long MEMBER_PERMISSIONS = (1L << 10) | (1L << 11);

    private final FakeDiscord discord;
    private final long guildId;
    private final long channelId;
    private final String channelName;

    public Interactions(FakeDiscord discord, long guildId, long channelId, String channelName) {
        this.discord = discord;
        this.guildId = guildId;
        this.channelId = channelId;
        this.channelName = channelName;
    }

    /** Starts a slash command invocation. */
    public Builder slash(String command) {
        return new Builder(command, 2);
    }

    /** Starts an autocomplete request; mark the option being typed with {@link Builder#focused}. */
    public Builder autocomplete(String command) {
        return new Builder(command, 4);
    }

    /** Clicks a button with {@code customId} on the message with {@code messageId}. */
    public Sent click(String customId, ObjectNode message) {
        ObjectNode d = base(3, MEMBER_PERMISSIONS);
        d.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode msg = message.deepCopy();
        msg.put("channel_id", Long.toString(channelId));
        if (!msg.has("author")) {
            msg.putObject("author").put("id", Long.toString(discord.botUserId())).put("username", "bot").put("discriminator", "0");
        }
        d.set("message", msg);
        return dispatch(d);
    }

    private ObjectNode base(int type, long permissions) {
        ObjectNode d = discord.newObject();
        d.put("id", Long.toString(discord.nextSnowflake()));
        d.put("application_id", Long.toString(discord.applicationId()));
        d.put("type", type);
        d.put("token", "itoken-" + TOKENS.incrementAndGet());
        d.put("version", 1);
        d.put("locale", "en-US");
        d.put("guild_locale", "en-US");
        d.put("app_permissions", Long.toString(GuildSpec.DEFAULT_BOT_PERMISSIONS));
        d.put("context", 0);
        d.put("guild_id", Long.toString(guildId));
        d.put("channel_id", Long.toString(channelId));
        d.putObject("channel").put("id", Long.toString(channelId)).put("type", 0).put("name", channelName).put("position", 0);
        d.putObject("guild").put("id", Long.toString(guildId)).put("locale", "en-US").putArray("features");
        ObjectNode member = d.putObject("member");
        member.putObject("user").put("id", "5555").put("username", "reader").put("discriminator", "0");
        member.putArray("roles");
        member.put("permissions", Long.toString(permissions));
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        d.putObject("authorizing_integration_owners").put("0", Long.toString(guildId));
        d.putArray("entitlements");
        return d;
    }

    private Sent dispatch(ObjectNode d) {
        int sessions = discord.dispatch("INTERACTION_CREATE", d);
        if (sessions == 0) {
            throw new IllegalStateException("no bot session is connected to the stand-in");
        }
        return new Sent(d.get("token").asText());
    }

    /** Builds one command interaction: subcommand, options, who runs it. */
    public final class Builder {
        private final String command;
        private final int type;
        private String sub;
        private final ObjectNode data;
        private ArrayNode options;
        private long permissions = MEMBER_PERMISSIONS;

        private Builder(String command, int type) {
            this.command = command;
            this.type = type;
            this.data = discord.newObject();
            data.put("id", Long.toString(discord.nextSnowflake()));
            data.put("name", command);
            data.put("type", 1);
            this.options = data.putArray("options");
        }

        /** The subcommand (e.g. {@code add} of {@code /feed add}); options that follow belong to it. */
        public Builder sub(String name) {
            ObjectNode s = options.addObject().put("name", name).put("type", 1);
            options = s.putArray("options");
            sub = name;
            return this;
        }

        public Builder string(String name, String value) {
            options.addObject().put("name", name).put("type", 3).put("value", value);
            return this;
        }

        public Builder integer(String name, long value) {
            options.addObject().put("name", name).put("type", 4).put("value", value);
            return this;
        }

        public Builder bool(String name, boolean value) {
            options.addObject().put("name", name).put("type", 5).put("value", value);
            return this;
        }

        /** A text-channel option, with the resolved channel Discord sends along. */
        public Builder channel(String name, long id, String channelName) {
            return channel(name, id, channelName, ChannelSpec.TEXT);
        }

        /** A channel option of a Discord channel type ({@link ChannelSpec#ANNOUNCEMENT}, {@link ChannelSpec#FORUM}). */
        public Builder channel(String name, long id, String channelName, int type) {
            options.addObject().put("name", name).put("type", 7).put("value", Long.toString(id));
            ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
            ObjectNode channels = resolved.has("channels") ? (ObjectNode) resolved.get("channels") : resolved.putObject("channels");
            channels.putObject(Long.toString(id)).put("id", Long.toString(id)).put("type", type).put("name", channelName)
                    .put("permissions", Long.toString(GuildSpec.DEFAULT_BOT_PERMISSIONS)).put("guild_id", Long.toString(guildId));
            return this;
        }

        /** A file option, with the resolved attachment (from {@link FakeDiscord#attachment}). */
        public Builder attachment(String name, ObjectNode attachment) {
            String id = attachment.path("id").asText();
            options.addObject().put("name", name).put("type", 11).put("value", id);
            ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
            ObjectNode files = resolved.has("attachments") ? (ObjectNode) resolved.get("attachments") : resolved.putObject("attachments");
            files.set(id, attachment.deepCopy());
            return this;
        }

        /** A role option, with the resolved role. */
        public Builder role(String name, long id, String roleName) {
            options.addObject().put("name", name).put("type", 8).put("value", Long.toString(id));
            ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
            ObjectNode roles = resolved.has("roles") ? (ObjectNode) resolved.get("roles") : resolved.putObject("roles");
            ObjectNode role = roles.putObject(Long.toString(id));
            role.put("id", Long.toString(id)).put("name", roleName).put("position", 1).put("permissions", "0")
                    .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", true);
            role.putObject("colors").put("primary_color", 0);
            return this;
        }

        /** The option being typed (autocomplete): a string option with {@code focused: true}. */
        public Builder focused(String name, String partial) {
            options.addObject().put("name", name).put("type", 3).put("value", partial).put("focused", true);
            return this;
        }

        /** Run by a member with Manage Server. */
        public Builder moderator() {
            permissions = MODERATOR_PERMISSIONS;
            return this;
        }

        public Sent send() {
            ObjectNode d = base(type, permissions);
            d.set("data", data);
            return dispatch(d);
        }
    }

    /** An interaction sent to the bot, and what the bot answered. */
    public final class Sent {
        private final String token;

        private Sent(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        /** The interaction callback (type 4 reply, 5 deferred reply, 6 deferred update, 8 autocomplete). */
        public ObjectNode awaitCallback() {
            await().atMost(Duration.ofSeconds(15)).until(() -> callback().isPresent());
            return callback().orElseThrow();
        }

        private Optional<ObjectNode> callback() {
            return discord.interactionCallbacks().stream().filter(c -> token.equals(c.path("token").asText())).findFirst();
        }

        /** Whether the first answer was ephemeral (flags 64). */
        public boolean ephemeral() {
            return (awaitCallback().at("/body/data/flags").asInt() & 64) == 64;
        }

        /**
         * The message the user finally sees: the edited deferred reply, an ephemeral follow-up (errors
         * of public commands), or an immediate reply.
         */
        public ObjectNode awaitReply() {
            ObjectNode cb = awaitCallback();
            int type = cb.at("/body/type").asInt();
            if (type == 4) {
                return (ObjectNode) cb.at("/body/data");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !messages().isEmpty());
            List<ObjectNode> list = messages();
            return list.get(list.size() - 1);
        }

        public String awaitReplyText() {
            return awaitReply().path("content").asText();
        }

        /** Every webhook message of this interaction (the original first, then follow-ups). */
        public List<ObjectNode> messages() {
            return discord.webhookMessages(token);
        }

        /** Autocomplete choices ({@code name → value}). */
        public List<ObjectNode> awaitChoices() {
            ObjectNode cb = awaitCallback();
            ArrayNode choices = (ArrayNode) cb.at("/body/data/choices");
            java.util.List<ObjectNode> out = new java.util.ArrayList<>();
            choices.forEach(c -> out.add((ObjectNode) c));
            return out;
        }
    }
}
