package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private Database db;
    private FeedStore feeds;

    @BeforeEach
    void open(Database database) {
        db = database;
        feeds = new FeedStore(db);
    }

    @StoreTest
    void addIsIdempotentByUrlAndANewFeedIsDueAtOnce() {
        long id = feeds.add("https://example.org/feed", T0, Duration.ofMinutes(15));
        assertThat(feeds.add("https://example.org/feed", T0.plusSeconds(60), Duration.ofMinutes(1))).isEqualTo(id);

        FeedRecord feed = feeds.findById(id).orElseThrow();
        assertThat(feed.url()).isEqualTo("https://example.org/feed");
        assertThat(feed.status()).isEqualTo(FeedStatus.ACTIVE);
        assertThat(feed.seeded()).isFalse();
        assertThat(feed.nextPollAt()).isEqualTo(T0);
        assertThat(feed.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(feed.validators()).isEqualTo(Validators.NONE);
        assertThat(feeds.findByUrl("https://example.org/feed")).contains(feed);
        assertThat(feeds.findByUrl("https://example.org/other")).isEmpty();
        assertThat(feeds.listAll()).containsExactly(feed);
    }

    @StoreTest
    void aRestartedSingleProcessTakesBackTheClaimsOfTheRunThatDied() {
        long a = feeds.add("https://a.example/a", T0, Duration.ofMinutes(15));
        long b = feeds.add("https://a.example/b", T0, Duration.ofMinutes(15));
        feeds.add("https://a.example/later", T0.plusSeconds(600), Duration.ofMinutes(15));
        assertThat(feeds.claimDue(T0, LEASE, 10)).hasSize(2);
        // the process dies here; at its next start:
        assertThat(feeds.releaseAllLeases()).isEqualTo(2);
        assertThat(feeds.claimDue(T0.plusSeconds(1), LEASE, 10)).extracting(FeedRecord::id).containsExactly(a, b);
        assertThat(feeds.releaseAllLeases()).isEqualTo(2);
        assertThat(feeds.releaseAllLeases()).as("nothing left to take back").isZero();
    }

    @StoreTest
    void claimsOnlyDueActiveUnleasedFeedsMostOverdueFirst() {
        long late = feeds.add("https://a.example/late", T0.minusSeconds(600), Duration.ofMinutes(15));
        long due = feeds.add("https://a.example/due", T0, Duration.ofMinutes(15));
        feeds.add("https://a.example/future", T0.plusSeconds(61), Duration.ofMinutes(15));
        long disabled = feeds.add("https://a.example/disabled", T0.minusSeconds(900), Duration.ofMinutes(15));
        feeds.disable(disabled, "HTTP 410 Gone");

        List<FeedRecord> claimed = feeds.claimDue(T0, LEASE, 10);
        assertThat(claimed).extracting(FeedRecord::id).containsExactly(late, due);
        assertThat(claimed).allSatisfy(f -> assertThat(f.leaseUntil()).isEqualTo(T0.plus(LEASE)));

        assertThat(feeds.claimDue(T0.plusSeconds(60), LEASE, 10)).as("leased feeds are not claimed again").isEmpty();
        assertThat(feeds.claimDue(T0.plus(LEASE).plusMillis(1), LEASE, 10)).as("an expired lease frees them")
                .extracting(FeedRecord::id).containsExactly(late, due, feeds.findByUrl("https://a.example/future").orElseThrow().id());
        assertThat(feeds.claimDue(T0.plus(Duration.ofDays(365)), LEASE, 10))
                .extracting(FeedRecord::id).doesNotContain(disabled);
        assertThat(feeds.findById(disabled).orElseThrow().disabledReason()).isEqualTo("HTTP 410 Gone");
    }

    @StoreTest
    void claimRespectsTheLimitAndReleaseLeaseMakesAFeedClaimableAgain() {
        for (int i = 0; i < 5; i++) {
            feeds.add("https://b.example/" + i, T0, Duration.ofMinutes(15));
        }
        List<FeedRecord> first = feeds.claimDue(T0, LEASE, 2);
        assertThat(first).hasSize(2);
        assertThat(feeds.claimDue(T0, LEASE, 10)).hasSize(3);
        feeds.releaseLease(first.get(0).id());
        assertThat(feeds.claimDue(T0, LEASE, 10)).extracting(FeedRecord::id).containsExactly(first.get(0).id());
    }

    @StoreTest
    void racingClaimersGetEachDueFeedExactlyOnceWhileLeased() throws Exception {
        int feedCount = 200;
        for (int i = 0; i < feedCount; i++) {
            feeds.add("https://race.example/" + i, T0, Duration.ofMinutes(15));
        }
        Map<Long, AtomicInteger> claims = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                claimers.add(() -> {
                    start.await();
                    for (int round = 0; round < 30; round++) {
                        for (FeedRecord f : feeds.claimDue(T0.plusSeconds(1), LEASE, 7)) {
                            claims.computeIfAbsent(f.id(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> c : claimers) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claims).hasSize(feedCount);
        assertThat(claims.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @StoreTest
    void successClearsFailuresStoresValidatorsAndReleasesTheLease() {
        long id = feeds.add("https://c.example/feed", T0, Duration.ofMinutes(15));
        feeds.claimDue(T0, LEASE, 1);
        assertThat(feeds.recordFailure(id, T0, "HTTP 500", T0.plusSeconds(60))).isEqualTo(1);
        FeedRecord failing = feeds.findById(id).orElseThrow();
        assertThat(failing.failingSince()).isEqualTo(T0);
        assertThat(failing.lastError()).isEqualTo("HTTP 500");
        assertThat(feeds.recordFailure(id, T0.plusSeconds(60), "timeout", T0.plusSeconds(180))).isEqualTo(2);
        assertThat(feeds.findById(id).orElseThrow().failingSince()).as("failing since the first failure").isEqualTo(T0);

        Instant later = T0.plusSeconds(300);
        feeds.claimDue(later, LEASE, 1);
        feeds.recordSuccess(id, new SuccessfulPoll(later, new Validators("\"e1\"", "Sat, 28 Nov 2026 10:00:00 GMT"),
                "Example", "https://c.example/", Duration.ofHours(1), later.plus(Duration.ofHours(1))));
        FeedRecord ok = feeds.findById(id).orElseThrow();
        assertThat(ok.consecutiveFailures()).isZero();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.failingSince()).isNull();
        assertThat(ok.seeded()).isTrue();
        assertThat(ok.leaseUntil()).isNull();
        assertThat(ok.title()).isEqualTo("Example");
        assertThat(ok.siteLink()).isEqualTo("https://c.example/");
        assertThat(ok.validators()).isEqualTo(new Validators("\"e1\"", "Sat, 28 Nov 2026 10:00:00 GMT"));
        assertThat(ok.lastSuccessAt()).isEqualTo(later);
        assertThat(ok.nextPollAt()).isEqualTo(later.plus(Duration.ofHours(1)));
        assertThat(ok.pollInterval()).isEqualTo(Duration.ofHours(1));

        feeds.recordNotModified(id, later.plusSeconds(3600), new Validators(null, null), later.plusSeconds(7200));
        FeedRecord notModified = feeds.findById(id).orElseThrow();
        assertThat(notModified.validators()).as("a 304 without validators keeps the stored ones").isEqualTo(ok.validators());
        assertThat(notModified.nextPollAt()).isEqualTo(later.plusSeconds(7200));
        assertThat(notModified.title()).isEqualTo("Example");

        feeds.recordDeferred(id, later.plusSeconds(7200), later.plusSeconds(9999));
        FeedRecord deferred = feeds.findById(id).orElseThrow();
        assertThat(deferred.nextPollAt()).isEqualTo(later.plusSeconds(9999));
        assertThat(deferred.consecutiveFailures()).isZero();
    }
}
