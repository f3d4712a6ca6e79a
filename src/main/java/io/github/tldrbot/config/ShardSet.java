package io.github.tldrbot.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Discord shards one process runs ({@code discord.shards}, SPEC §13). Discord puts a guild on
 * shard {@code (guild_id >> 22) % total}; a process owns a guild when it runs that shard. Plain
 * arithmetic without JDA, so the outbox, the recap jobs and the notices ask it alike.
 *
 * @param total how many shards the bot has in all (every process must agree on it)
 * @param ids   the shards this process runs, ascending, each {@code 0 <= id < total}
 */
public record ShardSet(int total, List<Integer> ids) {
    public ShardSet {
        ids = ids.stream().sorted().distinct().toList();
        if (total < 1 || ids.isEmpty() || ids.get(0) < 0 || ids.get(ids.size() - 1) >= total) {
            throw new IllegalArgumentException("shards " + ids + " of " + total + ": need total >= 1 and ids in 0.." + (total - 1));
        }
    }

    /** One process, one shard: the default. */
    public static ShardSet single() {
        return new ShardSet(1, List.of(0));
    }

    /** Every shard of {@code total} in this process. */
    public static ShardSet all(int total) {
        return new ShardSet(total, java.util.stream.IntStream.range(0, total).boxed().toList());
    }

    /** The shard Discord puts a guild on. */
    public int shardOf(long guildId) {
        return (int) ((guildId >> 22) % total);
    }

    /** Whether this process runs the shard of {@code guildId}. */
    public boolean owns(long guildId) {
        return ids.contains(shardOf(guildId));
    }

    /** True when this process runs every shard: no other process shares the work. */
    public boolean ownsAll() {
        return ids.size() == total;
    }

    /** "0, 2 of 4", for logs. */
    public String describe() {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of " + total;
    }
}
