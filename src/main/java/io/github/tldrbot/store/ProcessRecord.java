package io.github.tldrbot.store;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code processes} (SPEC §13): one running bot process and its heartbeat.
 *
 * @param configuredShards the process's {@code discord.shards.ids}; empty for a poll-only process
 */
public record ProcessRecord(String id, String host, long pid, List<Integer> configuredShards, int shardTotal, Instant startedAt,
                            Instant heartbeatAt) {
    public ProcessRecord {
        configuredShards = List.copyOf(configuredShards);
    }
}
