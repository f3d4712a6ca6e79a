package io.github.tldrbot.discord.commands;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * SPEC §7: moderator commands are guild-only and registered with default member permission
 * Manage Server; Discord's own command-permission settings then apply (a server can grant them to
 * other roles in Server Settings → Integrations).
 */
public final class Moderation {
    private Moderation() {
    }

    public static SlashCommandData moderatorOnly(SlashCommandData data) {
        return data.setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    /** Everyone's commands still make sense only in a server (they read the server's feeds). */
    public static SlashCommandData guildOnly(SlashCommandData data) {
        return data.setContexts(InteractionContextType.GUILD);
    }
}
