package io.github.tldrbot.testing.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;

/**
 * A guild the bot is a member of in the stand-in. The bot's guild-wide permissions are those of
 * @everyone ({@link Builder#botPermissions}); the owner is a separate human member, so JDA does not
 * skip its permission checks as it would for an owner.
 *
 * @param id                 guild snowflake (also the @everyone role id)
 * @param name               guild name
 * @param ownerId            owner user id (a human member, not the bot)
 * @param everyonePermissions raw permission bits of @everyone, which is all the bot has
 * @param channels           text channels
 * @param roles              extra roles
 * @param systemChannelId    system channel id, or 0 for none
 */
public record GuildSpec(long id, String name, long ownerId, long everyonePermissions, List<ChannelSpec> channels,
                        List<RoleSpec> roles, long systemChannelId) {

    /** What the bot may do by default: see, talk, embed, read history, use commands. */
    public static final long DEFAULT_BOT_PERMISSIONS = BotOverwrite.raw(
            Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY, Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_EXT_EMOJI, Permission.USE_APPLICATION_COMMANDS, Permission.MESSAGE_SEND_IN_THREADS);

    public GuildSpec {
        channels = List.copyOf(channels);
        roles = List.copyOf(roles);
    }

    Optional<ChannelSpec> channel(long channelId) {
        return channels.stream().filter(c -> c.id() == channelId).findFirst();
    }

    /** Fluent, mutable description of a guild, used inside {@link FakeDiscordBuilder#guild}. */
    public static final class Builder {
        private long id;
        private String name = "Test Guild";
        private long ownerId;
        private long everyonePermissions = DEFAULT_BOT_PERMISSIONS;
        private final List<ChannelSpec> channels = new ArrayList<>();
        private final List<RoleSpec> roles = new ArrayList<>();
        private long systemChannelId;

        Builder() {
        }

        /** Guild snowflake (required). */
        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Owner user id; defaults to guild id + 1. */
        public Builder ownerId(long ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /** Replaces the bot's guild-wide permissions (those of @everyone). */
        public Builder botPermissions(Permission... permissions) {
            this.everyonePermissions = BotOverwrite.raw(permissions);
            return this;
        }

        /** A text channel, with optional overwrites for the bot such as {@code BotOverwrite.deny(MESSAGE_SEND)}. */
        public Builder textChannel(long channelId, String channelName, BotOverwrite... botOverwrites) {
            channels.add(new ChannelSpec(channelId, channelName, channels.size(), List.of(botOverwrites)));
            return this;
        }

        /** An announcement (news) channel: its messages can be crossposted to following servers. */
        public Builder announcementChannel(long channelId, String channelName, BotOverwrite... botOverwrites) {
            channels.add(new ChannelSpec(channelId, channelName, channels.size(), List.of(botOverwrites),
                    ChannelSpec.ANNOUNCEMENT, List.of()));
            return this;
        }

        /** A forum channel with these {@code available_tags}: every post is a thread. */
        public Builder forumChannel(long channelId, String channelName, List<ChannelSpec.Tag> tags,
                                    BotOverwrite... botOverwrites) {
            channels.add(new ChannelSpec(channelId, channelName, channels.size(), List.of(botOverwrites),
                    ChannelSpec.FORUM, tags));
            return this;
        }

        /** An extra role without permissions (for mention tests). */
        public Builder role(long roleId, String roleName) {
            roles.add(new RoleSpec(roleId, roleName, roles.size() + 1, 0));
            return this;
        }

        public Builder systemChannel(long channelId) {
            this.systemChannelId = channelId;
            return this;
        }

        GuildSpec build() {
            if (id == 0) {
                throw new IllegalStateException("guild needs an id: call id(...)");
            }
            return new GuildSpec(id, name, ownerId == 0 ? id + 1 : ownerId, everyonePermissions, channels, roles,
                    systemChannelId);
        }
    }
}
