package io.github.tldrbot.store;

import io.github.tldrbot.config.ShardSet;
import java.util.stream.Collectors;

/**
 * The SQL condition "this subscription's guild is on one of this process's shards" (SPEC §13), in
 * Discord's arithmetic {@code (guild_id >> 22) % total}, which SQLite and PostgreSQL evaluate alike.
 * Rows whose guild is not known yet match too: whichever process can see the channel resolves them.
 * Empty when the process runs every shard, so a single process's SQL is unchanged.
 */
final class ShardSql {
    private ShardSql() {
    }

    /** {@code " AND (…)"} on {@code guildColumn}, or {@code ""}; the numbers are ints from the config, never user text. */
    static String ownGuilds(ShardSet shards, String guildColumn) {
        if (shards.ownsAll()) {
            return "";
        }
        String ids = shards.ids().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return " AND (" + guildColumn + " IS NULL OR (" + guildColumn + " >> 22) % " + shards.total() + " IN (" + ids + "))";
    }
}
