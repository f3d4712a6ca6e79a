package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.ChannelAccess;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What the bot needs in a channel to post cards there: see it, send messages and embed links. A
 * subscription to a channel the bot cannot post in is refused up front, naming what is missing,
 * instead of being paused at its first card.
 */
final class PostingPermissions {
    private PostingPermissions() {
    }

    static void require(GuildChannel channel) throws UserError {
        if (channel.getType() != ChannelType.TEXT && channel.getType() != ChannelType.NEWS) {
            throw new UserError("Cards are posted in text or announcement channels only; pick one with the channel option.");
        }
        List<Permission> missing = ChannelAccess.missing(channel);
        if (!missing.isEmpty()) {
            throw new UserError("I cannot post in " + channel.getAsMention() + ": missing permission "
                    + ChannelAccess.names(missing)
                    + ". Grant it to the bot's role in that channel's settings, or pick another channel.");
        }
    }
}
