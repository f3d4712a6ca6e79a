package io.github.tldrbot.discord.commands;

import io.github.tldrbot.discord.ChannelAccess;
import io.github.tldrbot.store.SubscriptionTarget;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What the bot needs in a channel to post cards there: see it, send messages and embed links; to
 * start a thread per card, Create Public Threads; to post through a webhook, Manage Webhooks (to
 * make the channel's webhook). A subscription to a channel the bot cannot post in is refused up
 * front, naming what is missing, instead of being paused at its first card.
 */
final class PostingPermissions {
    private PostingPermissions() {
    }

    static void require(GuildChannel channel) throws UserError {
        ChannelType type = channel.getType();
        if (type != ChannelType.TEXT && type != ChannelType.NEWS && type != ChannelType.FORUM) {
            throw new UserError("Cards are posted in text, announcement or forum channels only; pick one with the channel option.");
        }
        List<Permission> missing = ChannelAccess.missing(channel);
        if (!missing.isEmpty()) {
            throw new UserError("I cannot post in " + channel.getAsMention() + ": missing permission "
                    + ChannelAccess.names(missing)
                    + ". Grant it to the bot's role in that channel's settings, or pick another channel.");
        }
    }

    /**
     * Checks that the target makes sense in this kind of channel and that the bot may do it there.
     * {@code thread} is refused outside text channels rather than ignored: a forum post is a thread
     * already, and an announcement channel publishes its cards to followers instead.
     */
    static void requireTarget(GuildChannel channel, SubscriptionTarget target) throws UserError {
        if (target.thread() && channel.getType() == ChannelType.FORUM) {
            throw new UserError("thread:True is for text channels: in the forum " + channel.getAsMention()
                    + " every card is already its own post. Leave thread out.");
        }
        if (target.thread() && channel.getType() != ChannelType.TEXT) {
            throw new UserError("thread:True is for text channels: cards in the announcement channel " + channel.getAsMention()
                    + " are published to following servers instead. Leave thread out, or pick a text channel.");
        }
        if (target.thread() && lacks(channel, Permission.CREATE_PUBLIC_THREADS)) {
            throw new UserError("I cannot start threads in " + channel.getAsMention() + ": missing permission "
                    + Permission.CREATE_PUBLIC_THREADS.getName() + ". Grant it to the bot's role there, or leave thread out.");
        }
        if (target.viaWebhook() && lacks(channel, Permission.MANAGE_WEBHOOKS)) {
            throw new UserError("I cannot post as " + target.webhookName() + " in " + channel.getAsMention()
                    + ": missing permission " + Permission.MANAGE_WEBHOOKS.getName()
                    + " (to make the channel's webhook). Grant it to the bot's role there, or leave webhook-name out.");
        }
    }

    private static boolean lacks(GuildChannel channel, Permission permission) {
        return !channel.getGuild().getSelfMember().hasPermission(channel, permission);
    }
}
