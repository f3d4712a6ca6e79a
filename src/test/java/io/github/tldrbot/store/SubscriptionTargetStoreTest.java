package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** V15's target columns and channel webhooks, on SQLite and PostgreSQL. */
class SubscriptionTargetStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private SubscriptionStore subscriptions;
    private SubscriptionTargetStore targets;
    private ChannelWebhookStore webhooks;
    private long feed;

    @BeforeEach
    void open(Database database) {
        FeedStore feeds = new FeedStore(database);
        subscriptions = new SubscriptionStore(database);
        targets = new SubscriptionTargetStore(database);
        webhooks = new ChannelWebhookStore(database);
        feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
    }

    @StoreTest
    void aNewSubscriptionIsPlainAndItsTargetRoundTrips() {
        long id = subscriptions.upsert(feed, 100, 9L, null, null, null, SubscriptionSource.COMMAND, T0);
        assertThat(targets.find(id)).isEqualTo(SubscriptionTarget.PLAIN);

        SubscriptionTarget target = new SubscriptionTarget(true, "Release Radar", "https://cdn.example/radar.png");
        assertThat(targets.set(id, target)).isTrue();
        assertThat(targets.find(id)).isEqualTo(target);
        assertThat(targets.listForGuild(9)).containsEntry(id, target).hasSize(1);
        assertThat(targets.listForGuild(8)).isEmpty();

        // re-adding the subscription (same feed and channel) keeps what the target columns hold
        subscriptions.upsert(feed, 100, 9L, "developers", null, null, SubscriptionSource.COMMAND, T0);
        assertThat(targets.find(id)).isEqualTo(target);

        assertThat(targets.set(id, SubscriptionTarget.PLAIN)).isTrue();
        assertThat(targets.find(id)).isEqualTo(SubscriptionTarget.PLAIN);
        assertThat(targets.set(id + 1000, target)).as("no such subscription").isFalse();
        assertThat(targets.find(id + 1000)).isEqualTo(SubscriptionTarget.PLAIN);
    }

    @StoreTest
    void aChannelKeepsOneWebhookThatCanBeReplacedAndForgotten() {
        assertThat(webhooks.find(100)).isEmpty();
        webhooks.save(new ChannelWebhook(100, 5001, "tok-1"), T0);
        assertThat(webhooks.find(100)).contains(new ChannelWebhook(100, 5001, "tok-1"));

        webhooks.save(new ChannelWebhook(100, 5002, "tok-2"), T0.plusSeconds(1));
        assertThat(webhooks.find(100)).contains(new ChannelWebhook(100, 5002, "tok-2"));
        assertThat(webhooks.forget(100, 5001)).as("an older id does not remove the newer webhook").isFalse();
        assertThat(webhooks.forget(100, 5002)).isTrue();
        assertThat(webhooks.find(100)).isEmpty();
        assertThat(new ChannelWebhook(1, 2, "secret").toString()).doesNotContain("secret");
    }
}
