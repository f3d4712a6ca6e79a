package io.github.tldrbot.app;

import io.github.tldrbot.cluster.ClusterMember;
import io.github.tldrbot.cluster.ClusterSettings;
import io.github.tldrbot.cluster.LiveShards;
import io.github.tldrbot.cluster.ProcessIdentity;
import io.github.tldrbot.cluster.ShardConflictException;
import io.github.tldrbot.cluster.ShardKeeper;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.delivery.DeliveryWorker;
import io.github.tldrbot.discord.DiscordConnection;
import io.github.tldrbot.schedule.RecapScheduler;
import io.github.tldrbot.store.ClusterStore;
import io.github.tldrbot.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * This process's part among the processes sharing the store (SPEC §13), as the launcher starts it:
 * join (a heartbeat from now on), take the configured shards, and — once the bot runs — take over a
 * dead process's shards, settle its sends and keep the recap triggers in line with the store.
 */
final class Cluster implements AutoCloseable {
    private final ShardSet configured;
    private final ClusterSettings settings = ClusterSettings.defaults();
    private final LiveShards live;
    private final ClusterMember member;
    private final ShardKeeper keeper;

    /** Joins at once: the process is registered and beating when this returns. */
    Cluster(ShardSet configured, Database database, Clock clock) {
        this.configured = configured;
        ProcessIdentity me = ProcessIdentity.current(configured);
        ClusterStore store = new ClusterStore(database);
        this.live = new LiveShards(configured.total());
        this.member = new ClusterMember(store, me, settings, clock);
        this.keeper = new ShardKeeper(store, me, live, settings, clock);
        member.join();
    }

    /** {@code discord.shards.ids: []}: this process polls and writes the outbox, and connects to no gateway. */
    boolean pollOnly() {
        return configured.ids().isEmpty();
    }

    ClusterRole role() {
        return ClusterRole.member(member, live, settings);
    }

    /** The shards run now. */
    Shards shards() {
        return live;
    }

    /** Takes the configured shards' leases, waiting for a process that ran one meanwhile to give it back. */
    void acquireShards() throws ShardConflictException, InterruptedException {
        keeper.acquireConfigured();
    }

    /** The configured shards' gateway sessions are ready. */
    void shardsStarted() {
        keeper.started();
    }

    /** The periodic cluster work of a process that sends: hand-back and takeover of shards, orphaned sends, recap triggers. */
    void takeOverWith(DiscordConnection discord, Bot bot, RecapScheduler recaps) {
        keeper.enableTakeover(discord, shard -> {
            bot.stores().worker.ifPresent(DeliveryWorker::settleOrphans);
            recaps.catchUp(new ShardSet(configured.total(), List.of(shard)));
        });
        member.every(keeper::tick);
        member.every(() -> bot.stores().worker.ifPresent(DeliveryWorker::settleOrphans));
        member.every(recaps::reconcile);
    }

    void startWork() {
        member.startWork();
    }

    @Override
    public void close() {
        member.close();
    }
}
