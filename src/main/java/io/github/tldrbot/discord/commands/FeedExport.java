package io.github.tldrbot.discord.commands;

import io.github.tldrbot.usecase.ExportOpml;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /feed export}: the guild's subscriptions as an OPML 2.0 file attachment (one category per
 * channel, named as the server shows it), for a feed reader or another bot.
 */
final class FeedExport implements FeedSubcommand {
    private final ExportOpml exportOpml;

    FeedExport(ExportOpml exportOpml) {
        this.exportOpml = exportOpml;
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("export", "This server's feeds as an OPML file for a feed reader");
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) {
        Guild guild = event.getGuild();
        ExportOpml.Export export = exportOpml.run(Optional.of(guild.getIdLong()), id -> {
            GuildChannel channel = guild.getGuildChannelById(id);
            return channel == null ? "channel " + id : "#" + channel.getName();
        });
        if (export.entries() == 0) {
            reply.text("This server follows no feeds yet, so there is nothing to export. Add one with /feed add or /feed import.");
            return;
        }
        reply.message(new MessageCreateBuilder()
                .setContent("📤 " + export.entries() + " subscriptions of this server as OPML 2.0 (one category per channel).")
                .addFiles(FileUpload.fromData(export.opml(), "tldr-bot-feeds.opml"))
                .build());
    }
}
