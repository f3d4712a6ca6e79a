package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.ShardSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the commands at start (SPEC §7): globally (Discord may take up to an hour to show
 * changes everywhere), or per guild when {@code discord.commandGuilds} lists guilds (instant; for
 * development and single-server bots).
 *
 * <p>With shards (SPEC §13) commands are registered once, not once per shard: global commands
 * through shard 0, by the process that runs it; guild commands by the process that runs the
 * guild's shard.
 */
public final class CommandRegistrar {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

    private CommandRegistrar() {
    }

    /** Registers through one JDA (no shard manager): globally, or in {@code guildIds}. */
    public static void register(JDA jda, List<SlashCommand> commands, List<String> guildIds) {
        register(jda::updateCommands, jda::getGuildById, commands, guildIds);
    }

    /** Registers once for the shards this process runs (see the class comment). */
    public static void register(ShardManager shards, ShardSet owned, List<SlashCommand> commands, List<String> guildIds) {
        if (guildIds.isEmpty()) {
            if (!owned.ids().contains(0)) {
                log.info("slash commands are registered globally by the process that runs shard 0; this one runs shards {}",
                        owned.describe());
                return;
            }
            register(() -> shards.getShardById(0).updateCommands(), shards::getGuildById, commands, guildIds);
            return;
        }
        List<String> mine = guildIds.stream().filter(id -> owned.owns(Long.parseLong(id))).toList();
        if (mine.size() < guildIds.size()) {
            log.info("discord.commandGuilds: {} guild(s) are on other processes' shards; they register there",
                    guildIds.size() - mine.size());
        }
        if (!mine.isEmpty()) {
            register(() -> shards.getShardById(owned.ids().get(0)).updateCommands(), shards::getGuildById, commands, mine);
        }
    }

    private static void register(Supplier<CommandListUpdateAction> global, LongFunction<Guild> guildById,
                                 List<SlashCommand> commands, List<String> guildIds) {
        List<CommandData> data = commands.stream().map(c -> (CommandData) c.data()).toList();
        try {
            if (guildIds.isEmpty()) {
                global.get().addCommands(data).submit().get(60, TimeUnit.SECONDS);
                log.info("slash commands registered globally: commands={}", data.size());
                return;
            }
            for (String id : guildIds) {
                Guild guild = guildById.apply(Long.parseLong(id));
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
