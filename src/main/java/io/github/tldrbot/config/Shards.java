package io.github.tldrbot.config;

import java.util.List;

/**
 * The Discord shards a process runs at this moment (SPEC §13): fixed by {@code discord.shards}
 * ({@link ShardSet}), or changing while it runs when it takes over the shard of a dead process
 * (cluster/LiveShards). Discord puts a guild on shard {@code (guild_id >> 22) % total}; a process
 * owns a guild when it runs that shard. Plain arithmetic without JDA, so the outbox, the recap jobs
 * and the notices ask it alike.
 */
public interface Shards {
    /** How many shards the bot has in all (every process agrees on it). */
    int total();

    /** The shards run now, ascending; may be empty (a process that polls only). */
    List<Integer> ids();

    /** The shard Discord puts a guild on. */
    default int shardOf(long guildId) {
        return (int) ((guildId >> 22) % total());
    }

    /** Whether the shard of {@code guildId} is run here now. */
    default boolean owns(long guildId) {
        return ids().contains(shardOf(guildId));
    }

    /** True when every shard is run here: no other process shares the sending. */
    default boolean ownsAll() {
        return ids().size() == total();
    }
}
