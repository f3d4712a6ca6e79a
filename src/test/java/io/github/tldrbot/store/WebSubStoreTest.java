package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** WebSub subscription rows on SQLite and PostgreSQL (SPEC §4.3): advertise, claim, verify, deny, unsubscribe. */
class WebSubStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String HUB = "https://hub.example/";
    private static final String TOPIC = "https://a.example/feed";

    @StoreTest
    void anAdvertisedHubIsDueOnceAndClaimedByOneCaller(Database db) {
        WebSubStore store = new WebSubStore(db);
        long feed = new FeedStore(db).add(TOPIC, T0, Duration.ofMinutes(15));

        assertThat(store.advertise(feed, HUB, TOPIC, "cb1", "s1", T0)).isTrue();
        assertThat(store.advertise(feed, HUB, TOPIC, "cb2", "s2", T0)).as("same hub and topic: nothing new").isFalse();
        assertThat(store.findByFeed(feed)).get().extracting(WebSubSubscription::callbackId, WebSubSubscription::state)
                .containsExactly("cb1", WebSubSubscription.NEW);

        assertThat(store.claimDue(T0, LEASE, 10)).extracting(WebSubSubscription::callbackId).containsExactly("cb1");
        assertThat(store.claimDue(T0.plusSeconds(1), LEASE, 10)).as("claimed: nobody else gets it").isEmpty();

        assertThat(store.advertise(feed, "https://other-hub.example/", TOPIC, "cb3", "s3", T0)).as("hub moved").isTrue();
        assertThat(store.findByFeed(feed)).get().extracting(WebSubSubscription::hubUrl, WebSubSubscription::callbackId)
                .containsExactly("https://other-hub.example/", "cb1");
    }

    @StoreTest
    void verificationNeedsAPendingRequestAndTheRightTopic(Database db) {
        WebSubStore store = new WebSubStore(db);
        long feed = new FeedStore(db).add(TOPIC, T0, Duration.ofMinutes(15));
        store.advertise(feed, HUB, TOPIC, "cb", "secret", T0);
        WebSubSubscription row = store.findByCallback("cb").orElseThrow();

        assertThat(store.confirmSubscribe("cb", TOPIC, 600, T0, T0.plusSeconds(540))).as("nothing requested yet").isFalse();
        assertThat(store.markRequested(row.id(), T0, T0.plusSeconds(300))).as("not claimed").isFalse();
        assertThat(store.claimDue(T0, LEASE, 10)).hasSize(1);
        assertThat(store.markRequested(row.id(), T0, T0.plusSeconds(300))).isTrue();
        assertThat(store.confirmSubscribe("cb", "https://evil.example/feed", 600, T0, T0.plusSeconds(540))).isFalse();
        assertThat(store.confirmSubscribe("nope", TOPIC, 600, T0, T0.plusSeconds(540))).isFalse();
        assertThat(store.confirmSubscribe("cb", TOPIC, 600, T0, T0.plusSeconds(540))).isTrue();

        WebSubSubscription active = store.findByCallback("cb").orElseThrow();
        assertThat(active.state()).isEqualTo(WebSubSubscription.ACTIVE);
        assertThat(active.expiresAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(active.dueAt()).isEqualTo(T0.plusSeconds(540));
        assertThat(store.countActive(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.countActive(T0.plusSeconds(601))).as("lease lapsed").isZero();

        store.markFailed(active.id(), "late", T0.plusSeconds(60));
        assertThat(store.claimDue(T0.plusSeconds(61), LEASE, 10)).as("the retry is due").hasSize(1);
        assertThat(store.findByCallback("cb").orElseThrow().leased(T0.plusSeconds(1)))
                .as("a failed renewal keeps the lease the hub granted").isTrue();
        assertThat(store.markDenied("cb", TOPIC, "not allowed", T0.plusSeconds(86_400))).isTrue();
        assertThat(store.findByCallback("cb").orElseThrow()).extracting(WebSubSubscription::state, WebSubSubscription::lastError)
                .containsExactly(WebSubSubscription.DENIED, "not allowed");
        assertThat(store.markRequested(active.id(), T0.plusSeconds(62), T0.plusSeconds(400)))
                .as("a denial that arrives after the claim wins over the request").isFalse();
    }

    @StoreTest
    void aDeletedFeedLeavesItsRowDueForUnsubscribingUntilTheHubConfirms(Database db) {
        WebSubStore store = new WebSubStore(db);
        FeedStore feeds = new FeedStore(db);
        long feed = feeds.add(TOPIC, T0, Duration.ofMinutes(15));
        store.advertise(feed, HUB, TOPIC, "cb", "secret", T0);
        WebSubSubscription row = store.claimDue(T0, LEASE, 10).get(0);
        store.markRequested(row.id(), T0, T0.plusSeconds(300));
        store.confirmSubscribe("cb", TOPIC, 86_400, T0, T0.plusSeconds(80_000));
        assertThat(store.claimDue(T0.plusSeconds(1), LEASE, 10)).as("not due before renewal").isEmpty();

        assertThat(feeds.deleteIfUnsubscribed(feed)).isTrue();
        List<WebSubSubscription> due = store.claimDue(T0.plusSeconds(2), LEASE, 10);
        assertThat(due).extracting(WebSubSubscription::feedId).containsExactly((Long) null);

        assertThat(store.confirmUnsubscribe("cb", TOPIC)).as("we did not ask yet").isFalse();
        store.markUnsubscribing(row.id(), T0.plusSeconds(300));
        assertThat(store.claimDue(T0.plusSeconds(3), LEASE, 10)).as("waits for the hub").isEmpty();
        assertThat(store.confirmSubscribe("cb", TOPIC, 600, T0, T0)).as("no re-subscribing a dead feed").isFalse();
        assertThat(store.confirmUnsubscribe("cb", TOPIC)).isTrue();
        assertThat(store.findByCallback("cb")).isEmpty();
    }

    @StoreTest
    void aPushClaimsOneFeedOnlyWhenNoPollHoldsIt(Database db) {
        FeedStore feeds = new FeedStore(db);
        long feed = feeds.add(TOPIC, T0.plusSeconds(3600), Duration.ofMinutes(15));
        assertThat(feeds.claimOne(feed, T0, LEASE, null, Duration.ZERO)).as("not due, still claimable for a push").isPresent();
        assertThat(feeds.claimOne(feed, T0.plusSeconds(1), LEASE, null, Duration.ZERO)).as("held").isEmpty();
        feeds.releaseLease(feed);
        assertThat(feeds.claimOne(feed, T0.plusSeconds(2), LEASE, null, Duration.ZERO)).isPresent();
        feeds.disable(feed, "gone");
        assertThat(feeds.claimOne(feed, T0.plusSeconds(200), LEASE, null, Duration.ZERO)).as("disabled").isEmpty();
    }
}
