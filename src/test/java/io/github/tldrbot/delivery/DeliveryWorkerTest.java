package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.github.tldrbot.delivery.FakePublisher.blockUntil;
import static io.github.tldrbot.delivery.FakePublisher.refuse;
import static io.github.tldrbot.delivery.FakePublisher.retryLater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliveryWorkerTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    DeliveryFixture fx;
    FakePublisher discord = new FakePublisher();
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @BeforeEach
    void open() {
        fx = new DeliveryFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void sendsEachCardOnceWithAStableNonceTheFeedFactsAndTheMappedRoles() {
        Subscription sub = fx.subscribe(100, 1L, null, null, null);
        fx.roles.set(1, "developers", 555);
        fx.roles.set(1, "investors", 777);
        fx.roles.set(2, "researchers", 999);
        StoredArticle article = fx.post("a1", t0, "researchers", "developers");

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> fx.deliveriesOf(sub).get(0).status() == DeliveryStatus.SENT);
        Delivery delivery = fx.deliveriesOf(sub).get(0);
        assertThat(discord.posted).singleElement().satisfies(p -> {
            OutgoingMessage message = p.message();
            assertThat(message.nonce()).isEqualTo("tldr-" + Long.toString(delivery.id(), 36)).hasSizeLessThanOrEqualTo(25);
            assertThat(message.channelId()).isEqualTo(100);
            assertThat(message.feedTitle()).isEqualTo("Example News");
            assertThat(message.feedSiteLink()).isEqualTo("https://news.example/");
            assertThat(message.article().link()).isEqualTo("https://news.example/a1");
            assertThat(message.card().tldr()).isEqualTo("TLDR a1");
            assertThat(message.roleIds()).containsExactly(555L);
            assertThat(message.firstSeen()).isEqualTo(article.firstSeenAt());
            assertThat(delivery.messageId()).isEqualTo(p.messageId());
        });
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.sentAt()).isNotNull();
    }

    @Test
    void sendsOldestArticleFirstWithinAChannel() {
        Subscription sub = fx.subscribe(100);
        fx.post("third", t0.plusSeconds(30));
        fx.post("first", t0);
        fx.post("second", t0.plusSeconds(10));

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> discord.posted.size() == 3);
        assertThat(discord.posted).extracting(p -> p.message().article().id()).containsExactly("first", "second", "third");
        assertThat(fx.deliveriesOf(sub)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void temporaryFailuresAreRetriedWithBackoffThenSucceed() {
        Subscription sub = fx.subscribe(100);
        discord.script(100, retryLater("HTTP 503", null), retryLater("rate limited", Duration.ofMillis(50)));
        fx.post("a1", t0);

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> discord.posted.size() == 1);
        await().atMost(WAIT).until(() -> fx.deliveriesOf(sub).get(0).status() == DeliveryStatus.SENT);
        Delivery delivery = fx.deliveriesOf(sub).get(0);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastError()).isEqualTo("rate limited");
        assertThat(discord.callsTo(100)).isEqualTo(3);
        assertThat(discord.calls).extracting(OutgoingMessage::nonce).containsOnly(discord.posted.get(0).nonce());
    }

    @Test
    void aDeliveryThatKeepsFailingIsMarkedFailedAfterMaxAttemptsAndTheNextOneStillGoes() {
        Subscription sub = fx.subscribe(100);
        for (int i = 0; i < DeliveryFixture.FAST.maxAttempts(); i++) {
            discord.script(100, retryLater("HTTP 500", null));
        }
        fx.post("doomed", t0);
        fx.post("fine", t0.plusSeconds(1));

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> discord.posted.size() == 1);
        List<Delivery> rows = fx.deliveriesOf(sub);
        assertThat(rows.get(0).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(rows.get(0).attempts()).isEqualTo(DeliveryFixture.FAST.maxAttempts());
        assertThat(rows.get(0).lastError()).startsWith("gave up after 5 attempts").contains("HTTP 500");
        assertThat(discord.posted).extracting(p -> p.message().article().id()).containsExactly("fine");
    }

    @Test
    void aRefusedChannelPausesItsSubscriptionAfterOneTryAnnouncesOnceAndOthersKeepReceiving() {
        Subscription good = fx.subscribe(100, 1L, null, null, null);
        Subscription forbidden = fx.subscribe(200, 1L, null, null, null);
        discord.always(200, refuse("Missing Access (403)"));
        fx.post("a1", t0);
        fx.post("a2", t0.plusSeconds(1));
        fx.post("a3", t0.plusSeconds(2));

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> discord.postedTo(100).size() == 3);
        await().atMost(WAIT).until(() -> fx.subscriptions.findById(forbidden.id()).orElseThrow().pauseAnnounced());
        Subscription paused = fx.subscriptions.findById(forbidden.id()).orElseThrow();
        assertThat(paused.status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(paused.pausedReason()).isEqualTo("Missing Access (403)");
        assertThat(discord.callsTo(200)).isEqualTo(1);
        assertThat(discord.announcements).singleElement().satisfies(a -> {
            assertThat(a.guildId()).isEqualTo(1);
            assertThat(a.channelId()).isEqualTo(200);
            assertThat(a.text()).contains("paused because Missing Access (403)").contains("resumes by itself");
        });
        assertThat(fx.deliveriesOf(forbidden)).hasSize(3)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));
        assertThat(fx.deliveriesOf(good)).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));

        // A moderator fixes the permissions and resumes: the waiting cards go out, oldest first.
        discord.heal(200);
        fx.subscriptions.resume(forbidden.id());
        await().atMost(WAIT).until(() -> discord.postedTo(200).size() == 3);
        assertThat(discord.postedTo(200)).extracting(p -> p.message().article().id()).containsExactly("a1", "a2", "a3");
        assertThat(discord.announcements).hasSize(1);
    }

    @Test
    void aPausedSubscriptionIsProbedAndResumesByItselfOnceTheBotMayPostAgain() {
        Subscription forbidden = fx.subscribe(200, 1L, null, null, null);
        discord.always(200, refuse("Missing Access (403)"));
        fx.post("a1", t0);
        fx.post("a2", t0.plusSeconds(1));
        DeliverySettings probing = new DeliverySettings(2, Duration.ofMillis(40), Duration.ofMinutes(4),
                Duration.ofMillis(20), Duration.ofMillis(200), 5, 20, Duration.ofSeconds(2), Duration.ofMillis(300));

        fx.worker(discord, Clock.systemUTC(), probing).start();

        await().atMost(WAIT).until(() -> fx.subscriptions.findById(forbidden.id()).orElseThrow().pauseAnnounced());
        // Still refused: every probe re-pauses it silently.
        await().atMost(WAIT).until(() -> discord.callsTo(200) >= 3);
        assertThat(fx.subscriptions.findById(forbidden.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(discord.announcements).hasSize(1);
        assertThat(discord.postedTo(200)).isEmpty();

        // Permissions fixed: the next probe goes through and the subscription is active again.
        discord.heal(200);
        await().atMost(WAIT).until(() -> discord.postedTo(200).size() == 2);
        assertThat(discord.postedTo(200)).extracting(p -> p.message().article().id()).containsExactly("a1", "a2");
        Subscription resumed = fx.subscriptions.findById(forbidden.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(resumed.pausedReason()).isNull();
        assertThat(discord.announcements).hasSize(1);
    }

    @Test
    void aSlowChannelDoesNotHoldUpAFastOne() {
        fx.subscribe(100);
        fx.subscribe(300);
        CountDownLatch slowRelease = new CountDownLatch(1);
        discord.always(300, blockUntil(slowRelease));
        for (int i = 0; i < 5; i++) {
            fx.post("a" + i, t0.plusSeconds(i));
        }

        fx.worker(discord).start();

        // The fast channel gets everything while the slow channel's first send is still stuck.
        await().atMost(WAIT).until(() -> discord.postedTo(100).size() == 5);
        assertThat(discord.postedTo(300)).isEmpty();
        assertThat(discord.callsTo(300)).isEqualTo(1);

        slowRelease.countDown();
        await().atMost(WAIT).until(() -> discord.postedTo(300).size() == 5);
    }

    @Test
    void aChannelWaitingOutABackoffDoesNotKeepTheOnlyLaneThread() {
        Subscription waiting = fx.subscribe(100);
        fx.subscribe(200);
        discord.script(100, retryLater("rate limited", Duration.ofHours(1)));
        fx.post("a1", t0);
        DeliverySettings oneLane = new DeliverySettings(1, Duration.ofMillis(40), Duration.ofMinutes(4),
                Duration.ofMillis(20), Duration.ofMillis(200), 5, 20, Duration.ofSeconds(2), Duration.ofHours(1));

        fx.worker(discord, Clock.systemUTC(), oneLane).start();

        await().atMost(WAIT).until(() -> discord.postedTo(200).size() == 1);
        fx.post("a2", t0.plusSeconds(1));
        await().atMost(WAIT).until(() -> discord.postedTo(200).size() == 2);
        assertThat(discord.postedTo(100)).isEmpty();
        assertThat(discord.callsTo(100)).isEqualTo(1);
        Delivery delayed = fx.deliveriesOf(waiting).get(0);
        assertThat(delayed.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delayed.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void newCardsAreSentWithoutRestartingTheWorker() {
        Subscription sub = fx.subscribe(100);
        fx.worker(discord).start();
        fx.post("later", t0);

        await().atMost(WAIT).until(() -> discord.posted.size() == 1);
        assertThat(fx.deliveriesOf(sub)).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aDeliveryWhoseCardIsMissingIsSkippedWithAReason() {
        Subscription sub = fx.subscribe(100);
        StoredArticle stored = fx.articles.insertIfNew(fx.feedId, List.of(DeliveryFixture.article("nocard")), t0).get(0);
        fx.deliveries.enqueue(sub, stored.id(), Instant.now());
        fx.post("ok", t0.plusSeconds(1));

        fx.worker(discord).start();

        await().atMost(WAIT).until(() -> discord.posted.size() == 1);
        await().atMost(WAIT).until(() -> fx.deliveriesOf(sub).get(0).status() == DeliveryStatus.SKIPPED);
        assertThat(fx.deliveriesOf(sub).get(0).lastError()).isEqualTo("the article has no saved card");
    }

    @Test
    void aDisabledFeedIsAnnouncedOnceToEachSubscribingGuild() {
        fx.subscribe(100, 1L, null, null, null);
        fx.subscribe(101, 1L, null, null, null);
        fx.subscribe(200, 2L, null, null, null);
        FeedDisabledNotifier notifier = new FeedDisabledNotifier(fx.feeds, fx.subscriptions, discord);
        fx.feeds.disable(fx.feedId, "the server says the feed is gone (HTTP 410)");

        assertThat(notifier.announceNew()).isEqualTo(2);
        assertThat(notifier.announceNew()).isZero();

        assertThat(discord.announcements).extracting(FakePublisher.Announcement::guildId, FakePublisher.Announcement::channelId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 100L), org.assertj.core.groups.Tuple.tuple(2L, 200L));
        assertThat(discord.announcements.get(0).text()).contains("Example News").contains("HTTP 410").contains("/feed status");
    }

    @Test
    void aDisabledFeedWaitsForItsSubscribersGuildsToBeKnown() {
        Subscription unresolved = fx.subscribe(100, null, null, null, null);
        FeedDisabledNotifier notifier = new FeedDisabledNotifier(fx.feeds, fx.subscriptions, discord);
        fx.feeds.disable(fx.feedId, "disabled after 10 consecutive failures");

        assertThat(notifier.announceNew()).isZero();
        fx.subscriptions.setGuild(unresolved.id(), 5);
        assertThat(notifier.announceNew()).isEqualTo(1);
        assertThat(notifier.announceNew()).isZero();
    }

    @Test
    void closeAbandonsAStuckSendSafelyAndTheNextStartFinishesIt() {
        Subscription sub = fx.subscribe(100);
        CountDownLatch never = new CountDownLatch(1);
        discord.script(100, blockUntil(never));
        fx.post("a1", t0);
        DeliverySettings quickClose = new DeliverySettings(2, Duration.ofMillis(40), Duration.ofMinutes(4),
                Duration.ofMillis(20), Duration.ofMillis(200), 5, 20, Duration.ofMillis(200), Duration.ofHours(1));
        DeliveryWorker first = fx.worker(discord, Clock.systemUTC(), quickClose);
        first.start();
        await().atMost(WAIT).until(() -> discord.callsTo(100) == 1);

        first.close();

        assertThat(fx.deliveriesOf(sub).get(0).status()).isEqualTo(DeliveryStatus.SENDING);
        fx.worker(discord).start();
        await().atMost(WAIT).until(() -> fx.deliveriesOf(sub).get(0).status() == DeliveryStatus.SENT);
        assertThat(discord.posted).hasSize(1);
        never.countDown();
    }
}
