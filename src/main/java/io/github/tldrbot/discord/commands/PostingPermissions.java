package io.github.tldrbot.discord.commands;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What the bot needs in a channel to post cards there: see it, send messages and embed links. A
 * subscription to a channel the bot cannot post in is refused up front, naming what is missing,
 * instead of being paused at its first card.
 */
final class PostingPermissions {
    static final List<Permission> NEEDED = List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private PostingPermissions() {
    }

    static void require(GuildChannel channel) throws UserError {
        if (channel.getType() != ChannelType.TEXT && channel.getType() != ChannelType.NEWS) {
            throw new UserError("Cards are posted in text or announcement channels only; pick one with the channel option.");
        }
        Member self = channel.getGuild().getSelfMember();
        EnumSet<Permission> granted = self.getPermissions(channel);
        List<Permission> missing = NEEDED.stream().filter(p -> !granted.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new UserError("I cannot post in " + channel.getAsMention() + ": missing permission "
                    + missing.stream().map(Permission::getName).collect(Collectors.joining(", "))
                    + ". Grant it to the bot's role in that channel's settings, or pick another channel.");
        }
    }
}
