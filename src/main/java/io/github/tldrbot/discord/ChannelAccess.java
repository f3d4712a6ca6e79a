package io.github.tldrbot.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What the bot needs in a channel to post a card or a recap there: see it, send messages, embed
 * links. One definition for the delivery publisher, the scheduled recaps and the commands that
 * check a channel before subscribing it.
 */
public final class ChannelAccess {
    public static final List<Permission> NEEDED =
            List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private ChannelAccess() {
    }

    /** The needed permissions the bot lacks in {@code channel}, in the order above; empty when it may post. */
    public static List<Permission> missing(GuildChannel channel) {
        Member self = channel.getGuild().getSelfMember();
        EnumSet<Permission> granted = self.getPermissions(channel);
        return NEEDED.stream().filter(p -> !granted.contains(p)).toList();
    }

    /** "View Channel, Send Messages", for messages. */
    public static String names(List<Permission> permissions) {
        return permissions.stream().map(Permission::getName).collect(Collectors.joining(", "));
    }
}
