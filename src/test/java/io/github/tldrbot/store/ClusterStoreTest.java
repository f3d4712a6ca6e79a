package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.feed.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What several processes on one store rely on (SPEC §13), on SQLite and PostgreSQL: heartbeats, feed
 * claims that name their process and are free once it is dead, outbox rows settled only when their
 * claimer is dead, and recap runs claimed once.
 */
class ClusterStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration DEAD_AFTER = Duration.ofSeconds(20);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static void register(ClusterStore cluster, String id) {
        cluster.register(new ProcessRecord(id, "host", id.hashCode(), List.of(0), 1, T0, T0));
    }

    @StoreTest
    void aFeedClaimedByALiveProcessIsNotTakenAndIsFreeOnceThatProcessIsDead(Database db) {
        ClusterStore cluster = new ClusterStore(db);
        register(cluster, "p");
        register(cluster, "q");
        FeedStore feeds = new FeedStore(db);
        long feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));

        assertThat(feeds.claimDue(T0, LEASE, 10, "p", DEAD_AFTER)).extracting(FeedRecord::id).containsExactly(feed);
        cluster.beat("p", T0.plusSeconds(15), LEASE);
        assertThat(feeds.claimDue(T0.plusSeconds(30), LEASE, 10, "q", DEAD_AFTER)).as("p beats: its claim holds").isEmpty();
        cluster.beat("p", T0.plusSeconds(65), LEASE);
        assertThat(feeds.claimDue(T0.plusSeconds(70), LEASE, 10, "q", DEAD_AFTER))
                .as("p's heartbeat renewed the lease past its first 60 s").isEmpty();
        assertThat(feeds.claimDue(T0.plusSeconds(86), LEASE, 10, "q", DEAD_AFTER))
                .as("p silent for 21 s: dead, its claim is free before its lease ends").extracting(FeedRecord::id).containsExactly(feed);
        assertThat(feeds.claimDue(T0.plusSeconds(87), LEASE, 10, null, DEAD_AFTER))
                .as("a claimer without a heartbeat never takes an unexpired lease").isEmpty();
    }

    @StoreTest
    void aSendingRowIsSettledByAnotherProcessOnlyOnceItsClaimerIsDead(Database db) {
        ClusterStore cluster = new ClusterStore(db);
        register(cluster, "p");
        register(cluster, "q");
        long feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
        SubscriptionStore subscriptions = new SubscriptionStore(db);
        long sub = subscriptions.upsert(feed, 100, 1L, null, null, null, SubscriptionSource.COMMAND, T0);
        Article article = ArticleStoreTest.article("x", T0);
        long articleId = new ArticleStore(db).insertIfNew(feed, List.of(article), T0).get(0).id();
        DeliveryStore asP = new DeliveryStore(db, new OutboxScope(ShardSet.single(), "p", DEAD_AFTER));
        DeliveryStore asQ = new DeliveryStore(db, new OutboxScope(ShardSet.single(), "q", DEAD_AFTER));
        asP.enqueue(subscriptions.findById(sub).orElseThrow(), articleId, T0);

        assertThat(asP.claimNext(100, T0)).isPresent();
        assertThat(asP.listSending(T0.plusSeconds(1))).as("its own send in flight").isEmpty();
        assertThat(asQ.listSending(T0.plusSeconds(1))).as("a live process's send in flight").isEmpty();
        assertThat(asQ.listSending(T0.plusSeconds(21))).as("p silent for 21 s").singleElement()
                .satisfies(d -> assertThat(d.articleId()).isEqualTo(articleId));
        cluster.leave("p");
        assertThat(asQ.listSending(T0.plusSeconds(1))).as("p left: its row is nobody's").hasSize(1);
        assertThat(new DeliveryStore(db).listSending(T0)).as("a store without heartbeats settles every row").hasSize(1);
    }

    @StoreTest
    void aRecapRunIsClaimedOnce(Database db) {
        RecapScheduleStore schedules = new RecapScheduleStore(db);
        long id = schedules.add(1L << 22, 100, "day", null, "09:00", null, "0 0 9 * * ?", T0).id();
        Instant nine = Instant.parse("2026-12-03T09:00:00Z");
        assertThat(schedules.claimRun(id, nine)).isTrue();
        assertThat(schedules.claimRun(id, nine)).as("the same run again: another process, a catch-up").isFalse();
        schedules.markRun(id, nine.plusSeconds(2), 555L);
        assertThat(schedules.claimRun(id, nine)).isFalse();
        assertThat(schedules.claimRun(id, nine.plus(Duration.ofDays(1)))).as("the next day's run").isTrue();
    }

    @StoreTest
    void shardLeasesAreTakenAtomicallyAndLeavingFreesEverything(Database db) {
        ClusterStore cluster = new ClusterStore(db);
        register(cluster, "p");
        register(cluster, "q");
        assertThat(cluster.takeShard(0, "p", null, T0)).isTrue();
        assertThat(cluster.takeShard(0, "q", null, T0)).as("held: an insert does not steal it").isFalse();
        assertThat(cluster.takeShard(0, "q", "someone-else", T0)).as("not held by the one named").isFalse();
        assertThat(cluster.takeShard(0, "q", "p", T0)).as("taken from p").isTrue();
        assertThat(cluster.shardHolders()).containsEntry(0, "q");
        cluster.releaseShard(0, "p");
        assertThat(cluster.shardHolders()).as("p cannot release what q holds").containsEntry(0, "q");
        new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
        new FeedStore(db).claimDue(T0, LEASE, 10, "q", DEAD_AFTER);
        cluster.leave("q");
        assertThat(cluster.shardHolders()).isEmpty();
        assertThat(cluster.live(T0, DEAD_AFTER)).extracting(ProcessRecord::id).containsExactly("p");
        assertThat(new FeedStore(db).claimDue(T0, LEASE, 10, "p", DEAD_AFTER)).as("q's claims went with it").hasSize(1);
    }
}
