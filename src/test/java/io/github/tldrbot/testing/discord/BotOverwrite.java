package io.github.tldrbot.testing.discord;

import java.util.Arrays;
import net.dv8tion.jda.api.Permission;

/**
 * A channel permission overwrite for the bot's own member: JDA applies it in its local permission
 * checks (VIEW_CHANNEL, MESSAGE_SEND, MESSAGE_EMBED_LINKS) and the stand-in applies it server-side.
 *
 * @param allow raw permission bits granted in the channel
 * @param deny  raw permission bits removed in the channel
 */
public record BotOverwrite(long allow, long deny) {
    /** An overwrite removing these permissions from the bot in one channel. */
    public static BotOverwrite deny(Permission... permissions) {
        return new BotOverwrite(0, raw(permissions));
    }

    /** An overwrite granting these permissions to the bot in one channel. */
    public static BotOverwrite allow(Permission... permissions) {
        return new BotOverwrite(raw(permissions), 0);
    }

    static long raw(Permission... permissions) {
        return Permission.getRaw(Arrays.asList(permissions));
    }
}
