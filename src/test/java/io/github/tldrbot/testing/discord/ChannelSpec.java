package io.github.tldrbot.testing.discord;

import java.util.List;

/**
 * A channel of a stand-in guild: text (Discord type 0), announcement (5) or forum (15).
 *
 * @param id         channel snowflake
 * @param name       channel name
 * @param position   sort position
 * @param overwrites overwrites for the bot member (empty: the guild-wide permissions apply)
 * @param type       Discord's channel type: {@link #TEXT}, {@link #ANNOUNCEMENT} or {@link #FORUM}
 * @param tags       a forum's {@code available_tags}; empty for other channels
 */
public record ChannelSpec(long id, String name, int position, List<BotOverwrite> overwrites, int type, List<Tag> tags) {
    public static final int TEXT = 0;
    public static final int ANNOUNCEMENT = 5;
    public static final int FORUM = 15;

    /** A forum tag a post can carry. */
    public record Tag(long id, String name) {
    }

    public ChannelSpec {
        overwrites = List.copyOf(overwrites);
        tags = List.copyOf(tags);
    }

    /** A text channel. */
    public ChannelSpec(long id, String name, int position, List<BotOverwrite> overwrites) {
        this(id, name, position, overwrites, TEXT, List.of());
    }

    /** Bot permissions in this channel, starting from the guild-wide ones. */
    long botPermissions(long guildPermissions) {
        long effective = guildPermissions;
        for (BotOverwrite o : overwrites) {
            effective = (effective & ~o.deny()) | o.allow();
        }
        return effective;
    }
}
