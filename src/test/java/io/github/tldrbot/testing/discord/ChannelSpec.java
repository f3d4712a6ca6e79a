package io.github.tldrbot.testing.discord;

import java.util.List;

/**
 * A text channel of a stand-in guild.
 *
 * @param id         channel snowflake
 * @param name       channel name
 * @param position   sort position
 * @param overwrites overwrites for the bot member (empty: the guild-wide permissions apply)
 */
public record ChannelSpec(long id, String name, int position, List<BotOverwrite> overwrites) {
    public ChannelSpec {
        overwrites = List.copyOf(overwrites);
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
