package io.github.tldrbot.discord.commands;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the commands at start (SPEC §7): globally (Discord may take up to an hour to show
 * changes everywhere), or per guild when {@code discord.commandGuilds} lists guilds (instant; for
 * development and single-server bots).
 */
public final class CommandRegistrar {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

    private CommandRegistrar() {
    }

    public static void register(JDA jda, List<SlashCommand> commands, List<String> guildIds) {
        List<CommandData> data = commands.stream().map(c -> (CommandData) c.data()).toList();
        try {
            if (guildIds.isEmpty()) {
                jda.updateCommands().addCommands(data).submit().get(60, TimeUnit.SECONDS);
                log.info("slash commands registered globally: commands={}", data.size());
                return;
            }
            for (String id : guildIds) {
                Guild guild = jda.getGuildById(id);
                if (guild == null) {
                    log.warn("discord.commandGuilds lists guild {} but the bot is not in it; invite the bot there", id);
                    continue;
                }
                guild.updateCommands().addCommands(data).submit().get(60, TimeUnit.SECONDS);
                log.info("slash commands registered: guild={} commands={}", id, data.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("registering slash commands failed: {}; the bot keeps posting, commands may be missing", e.toString());
        }
    }
}
