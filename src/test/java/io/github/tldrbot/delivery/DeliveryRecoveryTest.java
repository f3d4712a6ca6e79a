package io.github.tldrbot.delivery;

import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.tldrbot.delivery.FakePublisher.crashBeforePost;
import static io.github.tldrbot.delivery.FakePublisher.postThenCrash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across a crash (SPEC §6.2): worker A dies between the service accepting a message
 * and recording it; worker B, on the same database, settles the row without a second post.
 */
class DeliveryRecoveryTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Worker B starts this much later than A: past the 4-minute nonce window. */
    static final Duration LATER = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    DeliveryFixture fx;
    FakePublisher discord = new FakePublisher();
    Instant t0 = Instant.now().minus(Duration.ofHours(1));
    Subscription sub;

    @BeforeEach
    void open() {
        // The simulated crash kills a lane thread on purpose; it must not fail the waiting test thread.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        fx = new DeliveryFixture(dir);
        sub = fx.subscribe(100);
    }

    @AfterEach
    void close() {
        Awaitility.reset();
        fx.close();
    }

    @Test
    void aSendInterruptedInsideTheNonceWindowIsRepeatedWithTheSameNonceAndPostedOnce() {
        discord.script(100, postThenCrash());
        StoredArticle a1 = fx.post("a1", t0);
        fx.post("a2", t0.plusSeconds(1));

        crashWorkerA(a1);
        fx.worker(discord).start();

        awaitAllSent();
        assertPostedOncePerArticle();
        Delivery first = delivery(a1);
        assertThat(first.messageId()).isEqualTo(discord.postedTo(100).get(0).messageId());
        assertThat(first.attempts()).isEqualTo(2);
        assertThat(discord.calls).filteredOn(m -> m.nonce().equals(DeliveryNonce.of(first.id()))).hasSize(2);
    }

    @Test
    void aRecentInterruptedSendWhereTheNonceIsIgnoredIsSettledFromTheChannelHistory() {
        discord.recognisesRepeats = false; // a webhook or forum post (SPEC §6.5): no nonce to lean on
        discord.script(100, postThenCrash());
        StoredArticle a1 = fx.post("a1", t0);

        crashWorkerA(a1);
        int callsBefore = discord.calls.size();
        fx.worker(discord).start();

        awaitAllSent();
        assertThat(discord.calls).as("not sent again, however young the doubt").hasSize(callsBefore);
        assertPostedOncePerArticle();
        assertThat(delivery(a1).messageId()).isEqualTo(discord.posted.get(0).messageId());
    }

    @Test
    void anOlderInterruptedSendIsSettledFromTheChannelHistoryWithoutSendingAgain() {
        discord.script(100, postThenCrash());
        StoredArticle a1 = fx.post("a1", t0);

        crashWorkerA(a1);
        int callsBefore = discord.calls.size();
        fx.worker(discord, Clock.offset(Clock.systemUTC(), LATER), DeliveryFixture.FAST).start();

        awaitAllSent();
        assertThat(discord.calls).hasSize(callsBefore);
        assertPostedOncePerArticle();
        assertThat(delivery(a1).messageId()).isEqualTo(discord.posted.get(0).messageId());
    }

    @Test
    void anOlderInterruptedSendThatNeverArrivedIsSentAgain() {
        discord.script(100, crashBeforePost());
        StoredArticle a1 = fx.post("a1", t0);

        crashWorkerA(a1);
        assertThat(discord.posted).isEmpty();
        fx.worker(discord, Clock.offset(Clock.systemUTC(), LATER), DeliveryFixture.FAST).start();

        awaitAllSent();
        assertPostedOncePerArticle();
        assertThat(delivery(a1).attempts()).isEqualTo(2);
    }

    /** Worker A takes a1, the scripted step kills its send, and A goes away with the row in 'sending'. */
    private void crashWorkerA(StoredArticle a1) {
        DeliveryWorker a = fx.worker(discord);
        a.start();
        await().atMost(WAIT).until(() -> delivery(a1).status() == DeliveryStatus.SENDING && discord.calls.size() >= 1);
        a.close();
        assertThat(delivery(a1).status()).isEqualTo(DeliveryStatus.SENDING);
    }

    private void awaitAllSent() {
        await().atMost(WAIT).until(() -> fx.deliveriesOf(sub).stream().allMatch(d -> d.status() == DeliveryStatus.SENT));
    }

    private void assertPostedOncePerArticle() {
        Map<String, Long> perArticle = discord.posted.stream()
                .collect(Collectors.groupingBy(p -> p.message().article().id(), Collectors.counting()));
        assertThat(perArticle).hasSize(fx.deliveriesOf(sub).size()).allSatisfy((article, n) -> assertThat(n).isEqualTo(1));
    }

    private Delivery delivery(StoredArticle article) {
        return fx.deliveriesOf(sub).stream().filter(d -> d.articleId() == article.id()).findFirst().orElseThrow();
    }
}
