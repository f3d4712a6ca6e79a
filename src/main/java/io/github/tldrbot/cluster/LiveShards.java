package io.github.tldrbot.cluster;

import io.github.tldrbot.config.Shards;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The shards this process runs at this moment (SPEC §13): its configured ones once it holds them,
 * plus any it took over from a dead process, minus any it handed back. Read on every outbox query,
 * recap run and notice, so a takeover changes what the process sends at once. A shard is added only
 * when its gateway session is ready (its guilds and channels are known): before that, a channel of
 * that shard would look missing and its subscription refused.
 */
public final class LiveShards implements Shards {
    private final int total;
    private final ConcurrentSkipListSet<Integer> ids = new ConcurrentSkipListSet<>();

    public LiveShards(int total) {
        this.total = total;
    }

    @Override
    public int total() {
        return total;
    }

    @Override
    public List<Integer> ids() {
        return List.copyOf(ids);
    }

    @Override
    public boolean owns(long guildId) {
        return ids.contains(shardOf(guildId));
    }

    void add(int shard) {
        ids.add(shard);
    }

    void remove(int shard) {
        ids.remove(shard);
    }

    boolean has(int shard) {
        return ids.contains(shard);
    }
}
