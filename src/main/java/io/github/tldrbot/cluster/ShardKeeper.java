package io.github.tldrbot.cluster;

import io.github.tldrbot.store.ClusterStore;
import io.github.tldrbot.store.ProcessRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Discord shard run by exactly one live process (SPEC §13), through {@code shard_leases}.
 * At start a process takes its configured shards — waiting for a process that took one over while
 * it was away to give it back. On every heartbeat it gives back shards whose configured process is
 * alive again, and takes over the shards of a dead process, so the dead one's guilds keep getting
 * their cards, recaps and commands. Of the live processes that run shards, the one running fewest
 * takes over (ties: the oldest); a poll-only process runs none and never takes one.
 */
public final class ShardKeeper {
    private static final Logger log = LoggerFactory.getLogger(ShardKeeper.class);

    private final ClusterStore store;
    private final ProcessIdentity me;
    private final LiveShards live;
    private final ClusterSettings settings;
    private final Clock clock;
    private final Instant joinedAt;
    private volatile ShardControl control;
    private volatile IntConsumer onTaken = shard -> { };

    public ShardKeeper(ClusterStore store, ProcessIdentity me, LiveShards live, ClusterSettings settings, Clock clock) {
        this.store = store;
        this.me = me;
        this.live = live;
        this.settings = settings;
        this.clock = clock;
        this.joinedAt = clock.instant();
    }

    /**
     * Takes the lease of every configured shard before their gateway sessions start; a live process
     * that took one over gives it back on its next heartbeat.
     *
     * @throws ShardConflictException when another live process is configured for one of them, or
     *                                does not give it back within the hand-back wait
     */
    public void acquireConfigured() throws InterruptedException, ShardConflictException {
        long deadline = System.nanoTime() + settings.handbackWait().toNanos(); // a real wait, whatever the clock says
        Set<Integer> missing = new TreeSet<>(me.configured().ids());
        while (true) {
            Map<String, ProcessRecord> alive = aliveById();
            Map<Integer, String> holders = store.shardHolders();
            List<String> heldBy = new ArrayList<>();
            for (int shard : List.copyOf(missing)) {
                String holder = holders.get(shard);
                if (me.id().equals(holder) || take(shard, holder, alive)) {
                    missing.remove(shard);
                } else if (holder != null && alive.containsKey(holder)) {
                    ProcessRecord other = alive.get(holder);
                    heldBy.add("shard " + shard + " by " + other.host() + ":" + other.pid()
                            + (other.configuredShards().contains(shard) ? " (configured there too)" : ""));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                // a killed predecessor on another host stops counting as alive after deadAfter, well inside the wait
                throw new ShardConflictException("shards " + missing + " are still run by other live processes after "
                        + settings.handbackWait().toSeconds() + " s (" + String.join(", ", heldBy)
                        + "); give each discord.shards id to one process");
            }
            log.info("waiting for shards {} to be handed back ({})", missing, String.join(", ", heldBy));
            Thread.sleep(Math.max(100, settings.heartbeatEvery().toMillis() / 2));
        }
    }

    /** The configured shards' sessions are ready: this process runs them. */
    public void started() {
        me.configured().ids().forEach(live::add);
    }

    /**
     * From now on shards can be started and stopped here (a process with a Discord connection), and
     * {@code onTaken} runs after a shard was taken over (settle its sends, catch up its recaps).
     */
    public void enableTakeover(ShardControl control, IntConsumer onTaken) {
        this.onTaken = onTaken;
        this.control = control;
    }

    /** One heartbeat's look: hand back, then take over. */
    public void tick() throws InterruptedException {
        ShardControl shardControl = control;
        if (shardControl == null) {
            return;
        }
        Map<String, ProcessRecord> alive = aliveById();
        handBack(shardControl, alive);
        Map<Integer, String> holders = store.shardHolders();
        fenceLost(shardControl, holders);
        for (int shard = 0; shard < live.total(); shard++) {
            if (live.has(shard) || !mayTakeOver(shard, holders, alive)) {
                continue;
            }
            String holder = holders.get(shard);
            if (!take(shard, holder, alive)) {
                continue;
            }
            log.info("taking over Discord shard {} of {} from {}", shard, live.total(),
                    holder == null ? "nobody" : "dead process " + holder);
            if (shardControl.start(shard)) {
                live.add(shard);
                onTaken.accept(shard);
            } else {
                log.warn("Discord shard {} did not get ready; giving it up for another try", shard);
                shardControl.stop(shard);
                store.releaseShard(shard, me.id());
            }
        }
    }

    private void handBack(ShardControl shardControl, Map<String, ProcessRecord> alive) {
        for (int shard : live.ids()) {
            if (me.configured().ids().contains(shard)) {
                continue;
            }
            boolean ownerBack = alive.values().stream()
                    .anyMatch(p -> !p.id().equals(me.id()) && p.configuredShards().contains(shard));
            if (ownerBack) {
                log.info("handing Discord shard {} back to its configured process", shard);
                live.remove(shard);
                shardControl.stop(shard);
                store.releaseShard(shard, me.id());
            }
        }
    }

    /**
     * Stops a shard whose lease another process now holds: this process's heartbeat could not be
     * written for the dead-after window (a store outage, a long pause), the others took its shard,
     * and two sessions must not serve it.
     */
    private void fenceLost(ShardControl shardControl, Map<Integer, String> holders) {
        for (int shard : live.ids()) {
            if (!me.id().equals(holders.get(shard))) {
                log.warn("Discord shard {} was taken over by another process while this one was silent; stopping it here", shard);
                live.remove(shard);
                shardControl.stop(shard);
            }
        }
    }

    /**
     * Whether this process should take a shard it does not run: nobody live holds it, its configured
     * process is not alive (it would take it itself), this process has been up for the dead-after
     * window (processes started together get their own first), and no live shard-running process
     * runs fewer shards.
     */
    private boolean mayTakeOver(int shard, Map<Integer, String> holders, Map<String, ProcessRecord> alive) {
        String holder = holders.get(shard);
        if (holder != null && (holder.equals(me.id()) || alive.containsKey(holder))) {
            return false;
        }
        if (alive.values().stream().anyMatch(p -> p.configuredShards().contains(shard))) {
            return false;
        }
        if (clock.instant().isBefore(joinedAt.plus(settings.deadAfter()))) {
            return false;
        }
        Map<String, Integer> running = new HashMap<>();
        holders.forEach((s, process) -> {
            if (alive.containsKey(process)) {
                running.merge(process, 1, Integer::sum);
            }
        });
        int mine = running.getOrDefault(me.id(), 0);
        ProcessRecord self = alive.get(me.id());
        return running.entrySet().stream().filter(e -> !e.getKey().equals(me.id())).noneMatch(e -> e.getValue() < mine
                || (e.getValue() == mine && self != null && alive.get(e.getKey()).startedAt().isBefore(self.startedAt())));
    }

    private boolean take(int shard, String holder, Map<String, ProcessRecord> alive) {
        if (holder != null && alive.containsKey(holder)) {
            return false;
        }
        return store.takeShard(shard, me.id(), holder, clock.instant());
    }

    private Map<String, ProcessRecord> aliveById() {
        List<ProcessRecord> processes = new ArrayList<>(store.live(clock.instant(), settings.deadAfter()));
        return processes.stream().collect(Collectors.toMap(ProcessRecord::id, p -> p));
    }
}
