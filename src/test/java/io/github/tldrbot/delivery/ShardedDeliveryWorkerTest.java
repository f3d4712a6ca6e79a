package io.github.tldrbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes, one per shard of two, share one outbox (SPEC §13): each sends only to the guilds
 * of its shard, and a channel it cannot see is left to the other — never failed, never paused.
 */
class ShardedDeliveryWorkerTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final ShardSet SHARD_0 = new ShardSet(2, List.of(0));
    static final ShardSet SHARD_1 = new ShardSet(2, List.of(1));
    static final long GUILD_0 = 2L << 22 | 9;
    static final long GUILD_1 = 3L << 22 | 9;

    @TempDir
    Path dir;
    DeliveryFixture fx;
    /** What process 0 and process 1 each see of Discord. */
    FakePublisher discord0 = new FakePublisher();
    FakePublisher discord1 = new FakePublisher();
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @BeforeEach
    void open() {
        fx = new DeliveryFixture(dir);
        discord0.guildOfChannel.put(100L, GUILD_0);
        discord1.guildOfChannel.put(200L, GUILD_1);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static void assertUntouched(List<Delivery> rows) {
        assertThat(rows).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isZero();
        });
    }

    @Test
    void eachProcessPostsOnlyToItsShardsGuildsAndNothingIsPostedTwice() {
        Subscription mine = fx.subscribe(100, GUILD_0, null, null, null);
        Subscription theirs = fx.subscribe(200, GUILD_1, null, null, null);
        fx.worker(discord0, SHARD_0).start();
        fx.post("a1", t0);
        fx.post("a2", t0.plusSeconds(1));

        await().atMost(WAIT).until(() -> discord0.postedTo(100).size() == 2);
        assertThat(discord0.callsTo(200)).isZero();
        assertUntouched(fx.deliveriesOf(theirs));

        fx.worker(discord1, SHARD_1).start();
        await().atMost(WAIT).until(() -> discord1.postedTo(200).size() == 2);
        assertThat(discord1.callsTo(100)).isZero();
        assertThat(discord0.postedTo(100)).hasSize(2);
        assertThat(fx.subscriptions.listAll()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE));
        assertThat(fx.deliveriesOf(mine)).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(fx.deliveriesOf(theirs)).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void aChannelOfAnUnknownGuildThatThisProcessCannotSeeIsLeftToTheProcessThatCan() throws Exception {
        Subscription unknown = fx.subscribe(200, null, null, null, null);
        fx.worker(discord0, SHARD_0).start();
        fx.post("a1", t0);

        Thread.sleep(500); // several scans: process 0 looked at the row and gave it back
        assertThat(discord0.calls).isEmpty();
        assertUntouched(fx.deliveriesOf(unknown));
        assertThat(fx.subscriptions.findById(unknown.id()).orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);

        fx.worker(discord1, SHARD_1).start();
        await().atMost(WAIT).until(() -> discord1.postedTo(200).size() == 1);
        assertThat(fx.subscriptions.findById(unknown.id()).orElseThrow().guildId())
                .as("the guild learnt from the channel is recorded").isEqualTo(GUILD_1);
        assertThat(discord0.calls).isEmpty();
    }

    @Test
    void aMissingChannelInAGuildOfOurShardIsStillRefusedAndPaused() {
        Subscription gone = fx.subscribe(300, GUILD_0, null, null, null);
        discord0.always(300, FakePublisher.refuse("unknown channel 300: it was deleted or the bot is not in its server"));
        fx.worker(discord0, SHARD_0).start();
        fx.post("a1", t0);

        await().atMost(WAIT).until(() -> fx.subscriptions.findById(gone.id()).orElseThrow().status() == SubscriptionStatus.PAUSED);
    }

    @Test
    void aDisabledFeedIsAnnouncedByEachProcessInItsOwnGuildsOnce() {
        fx.subscribe(100, GUILD_0, null, null, null);
        fx.subscribe(200, GUILD_1, null, null, null);
        FeedDisabledNotifier notifier0 = new FeedDisabledNotifier(fx.feeds, fx.subscriptions, discord0, SHARD_0);
        FeedDisabledNotifier notifier1 = new FeedDisabledNotifier(fx.feeds, fx.subscriptions, discord1, SHARD_1);
        fx.feeds.disable(fx.feedId, "the server says the feed is gone (HTTP 410)");

        assertThat(notifier0.announceNew()).isEqualTo(1);
        assertThat(notifier0.announceNew()).isZero();
        assertThat(fx.feeds.listDisabledUnannounced()).as("guild 1 is not told yet").hasSize(1);
        assertThat(notifier1.announceNew()).isEqualTo(1);
        assertThat(notifier1.announceNew()).isZero();
        assertThat(fx.feeds.listDisabledUnannounced()).isEmpty();

        assertThat(discord0.announcements).extracting(FakePublisher.Announcement::guildId).containsExactly(GUILD_0);
        assertThat(discord1.announcements).extracting(FakePublisher.Announcement::guildId).containsExactly(GUILD_1);
    }
}
