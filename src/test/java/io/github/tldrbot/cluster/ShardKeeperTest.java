package io.github.tldrbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.store.ClusterStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.StoreTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Shard leases between processes on one store (SPEC §13), on SQLite and PostgreSQL: configured
 * shards are taken, a dead process's shard is taken over by the live shard process running fewest,
 * given back when its configured process returns, and a process configured for a shard another
 * live process is configured for refuses to start. The gateway is a recording {@link ShardControl}
 * (the JDA side is exercised by ClusterFaultTest).
 */
class ShardKeeperTest {
    private static final ClusterSettings FAST = new ClusterSettings(Duration.ofMillis(50), Duration.ofSeconds(20),
            Duration.ofSeconds(60), Duration.ofMillis(300));
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Records starts and stops; {@code ready} says whether a started shard connects. */
    private static final class Gateway implements ShardControl {
        final List<String> calls = new ArrayList<>();
        boolean ready = true;

        @Override
        public boolean start(int id) {
            calls.add("start " + id);
            return ready;
        }

        @Override
        public void stop(int id) {
            calls.add("stop " + id);
        }
    }

    /** One process: its identity, live shards, keeper and gateway. */
    private record Node(ProcessIdentity me, LiveShards live, ShardKeeper keeper, Gateway gateway) {
    }

    private final TestClock clock = new TestClock();

    private Node join(Database db, String host, long pid, Integer... ids) throws Exception {
        return join(db, 2, host, pid, ids);
    }

    private Node join(Database db, int total, String host, long pid, Integer... ids) throws Exception {
        ProcessIdentity me = new ProcessIdentity(UUID.randomUUID().toString(), host, pid, new ShardSet(total, List.of(ids)));
        ClusterStore store = new ClusterStore(db);
        store.register(me.record(clock.instant()));
        LiveShards live = new LiveShards(total);
        ShardKeeper keeper = new ShardKeeper(store, me, live, FAST, clock);
        Gateway gateway = new Gateway();
        if (ids.length > 0) {
            keeper.acquireConfigured();
            keeper.started();
            keeper.enableTakeover(gateway, shard -> gateway.calls.add("taken " + shard));
        }
        return new Node(me, live, keeper, gateway);
    }

    private void beat(Database db, Node... nodes) {
        for (Node node : nodes) {
            new ClusterStore(db).beat(node.me().id(), clock.instant(), FAST.feedLease());
        }
    }

    @StoreTest
    void eachProcessTakesItsConfiguredShards(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        Node b = join(db, "h", 2, 1);
        assertThat(a.live().ids()).containsExactly(0);
        assertThat(b.live().ids()).containsExactly(1);
        assertThat(new ClusterStore(db).shardHolders()).containsEntry(0, a.me().id()).containsEntry(1, b.me().id());
    }

    @StoreTest
    void aDeadProcessesShardIsTakenOverAfterTheDeadAfterWindowAndGivenBackWhenItsProcessReturns(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        Node b = join(db, "h", 2, 1);
        Node worker = join(db, "h", 3);

        clock.now = T0.plusSeconds(10);
        beat(db, b, worker); // a stops beating: killed
        b.keeper().tick();
        assertThat(b.live().ids()).as("a is not dead yet").containsExactly(1);

        clock.now = T0.plusSeconds(25);
        beat(db, b, worker);
        b.keeper().tick();
        assertThat(b.live().ids()).containsExactly(0, 1);
        assertThat(b.gateway().calls).containsExactly("start 0", "taken 0");
        assertThat(new ClusterStore(db).shardHolders()).containsEntry(0, b.me().id());
        assertThat(worker.live().ids()).as("a poll-only process never runs a shard").isEmpty();

        // a's process starts again (new id): it waits for the hand-back, which b gives on its next beat
        Thread handback = new Thread(() -> {
            try {
                Thread.sleep(100);
                b.keeper().tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ProcessIdentity again = new ProcessIdentity(UUID.randomUUID().toString(), "h", 4, new ShardSet(2, List.of(0)));
        new ClusterStore(db).register(again.record(clock.instant()));
        LiveShards live = new LiveShards(2);
        ShardKeeper keeper = new ShardKeeper(new ClusterStore(db), again, live, FAST, clock);
        handback.start();
        keeper.acquireConfigured();
        handback.join();
        keeper.started();
        assertThat(live.ids()).containsExactly(0);
        assertThat(b.live().ids()).containsExactly(1);
        assertThat(b.gateway().calls).containsExactly("start 0", "taken 0", "stop 0");
        assertThat(new ClusterStore(db).shardHolders()).containsEntry(0, again.id()).containsEntry(1, b.me().id());
    }

    @StoreTest
    void theShardProcessRunningFewestShardsTakesOver(Database db) throws Exception {
        join(db, 4, "h", 1, 0);
        Node b = join(db, 4, "h", 2, 1, 2);
        clock.now = T0.plusMillis(1);
        Node c = join(db, 4, "h", 3, 3);
        clock.now = T0.plusSeconds(25);
        beat(db, b, c);
        b.keeper().tick();
        assertThat(b.live().ids()).as("b runs two shards, c one: c takes over").containsExactly(1, 2);
        c.keeper().tick();
        assertThat(c.live().ids()).containsExactly(0, 3);
        b.keeper().tick();
        assertThat(b.gateway().calls).isEmpty();
    }

    @StoreTest
    void aShardNobodyIsConfiguredForIsTakenOnlyAfterTheJoinGrace(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        a.keeper().tick();
        assertThat(a.live().ids()).as("shard 1's process may still be starting").containsExactly(0);
        clock.now = T0.plusSeconds(21);
        beat(db, a);
        a.keeper().tick();
        assertThat(a.live().ids()).containsExactly(0, 1);
    }

    @StoreTest
    void aShardThatDoesNotGetReadyIsGivenUpForAnotherTry(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        Node b = join(db, "h", 2, 1);
        clock.now = T0.plusSeconds(25);
        beat(db, b);
        b.gateway().ready = false;
        b.keeper().tick();
        assertThat(b.live().ids()).containsExactly(1);
        assertThat(b.gateway().calls).containsExactly("start 0", "stop 0");
        assertThat(new ClusterStore(db).shardHolders()).doesNotContainKey(0);
        b.gateway().ready = true;
        b.keeper().tick();
        assertThat(b.live().ids()).containsExactly(0, 1);
        assertThat(a.live().ids()).containsExactly(0); // a never learnt it died: it is fenced on its next look
        a.keeper().enableTakeover(a.gateway(), shard -> { });
        a.keeper().tick();
        assertThat(a.live().ids()).as("a silent process whose shard was taken stops running it").isEmpty();
        assertThat(a.gateway().calls).containsExactly("stop 0");
    }

    @StoreTest
    void twoLiveProcessesConfiguredForOneShardIsAClearErrorAtStart(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        assertThat(a.live().ids()).containsExactly(0);
        assertThatThrownBy(() -> join(db, "other", 7, 0))
                .isInstanceOf(ShardConflictException.class)
                .hasMessageContaining("shards [0]")
                .hasMessageContaining("h:1 (configured there too)")
                .hasMessageContaining("give each discord.shards id to one process");
    }

    @StoreTest
    void aRestartOnTheSameHostBuriesItsKilledPredecessorAtOnce(Database db) throws Exception {
        Node a = join(db, "h", 1, 0);
        ClusterStore store = new ClusterStore(db);
        assertThat(store.live(clock.instant(), FAST.deadAfter())).hasSize(1);
        // pid 1 is gone (or is this process: a container restarted with the same pid)
        assertThat(store.buryDeadOnHost("h", "new-id", pid -> false)).isEqualTo(1);
        assertThat(store.live(clock.instant(), FAST.deadAfter())).isEmpty();
        assertThat(store.buryDeadOnHost("elsewhere", "new-id", pid -> false)).isZero();
        Node again = join(db, "h", 1, 0);
        assertThat(again.live().ids()).as("taken at once, no waiting for the old heartbeat to go stale").containsExactly(0);
        assertThat(a.me().id()).isNotEqualTo(again.me().id());
    }
}
