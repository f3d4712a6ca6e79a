package io.github.tldrbot.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Discord shards a process is configured to run ({@code discord.shards}, SPEC §13).
 *
 * @param total how many shards the bot has in all (every process must agree on it)
 * @param ids   the shards this process runs, ascending, each {@code 0 <= id < total}; empty for a
 *              process that only polls (it sends nothing unless it takes over a dead process's shard)
 */
public record ShardSet(int total, List<Integer> ids) implements Shards {
    public ShardSet {
        ids = ids.stream().sorted().distinct().toList();
        if (total < 1 || (!ids.isEmpty() && (ids.get(0) < 0 || ids.get(ids.size() - 1) >= total))) {
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

    /** "0, 2 of 4" ("none of 4" for a poll-only process), for logs. */
    public String describe() {
        return ids.isEmpty() ? "none of " + total : ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of " + total;
    }
}
