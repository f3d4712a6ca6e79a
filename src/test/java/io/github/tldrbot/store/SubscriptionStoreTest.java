package io.github.tldrbot.store;

import io.github.tldrbot.config.FullTextMode;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Database db;
    private FeedStore feeds;
    private SubscriptionStore subscriptions;
    private long feed;

    @BeforeEach
    void open(Database database) {
        db = database;
        feeds = new FeedStore(db);
        subscriptions = new SubscriptionStore(db);
        feed = feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15));
    }

    @StoreTest
    void upsertIsKeyedByFeedAndChannelAndUpdatesFiltersButKeepsAKnownGuild() {
        long id = subscriptions.upsert(feed, 100, 9L, "developers", "java", null, SubscriptionSource.COMMAND, T0);
        long again = subscriptions.upsert(feed, 100, null, null, "/rust|go/", "crypto", SubscriptionSource.CONFIG, T0.plusSeconds(5));

        assertThat(again).isEqualTo(id);
        Subscription stored = subscriptions.findByChannelAndFeed(100, feed).orElseThrow();
        assertThat(stored).isEqualTo(new Subscription(id, feed, 9L, 100, null, "/rust|go/", "crypto",
                SubscriptionStatus.ACTIVE, null, false, SubscriptionSource.CONFIG, T0));
        assertThat(subscriptions.upsert(feed, 200, null, null, null, null, SubscriptionSource.CONFIG, T0)).isNotEqualTo(id);
        assertThat(subscriptions.listAll()).hasSize(2);
    }

    @StoreTest
    void fullTextIsStoredPerSubscriptionAndCombinedPerFeed() {
        assertThat(subscriptions.fullTextModeOf(feed)).as("nobody subscribes: nobody sees a card").isEqualTo(FullTextMode.NEVER);
        long a = subscriptions.upsert(feed, 100, 9L, null, null, null, SubscriptionSource.COMMAND, T0, FullTextMode.NEVER);
        assertThat(subscriptions.findById(a).orElseThrow().fullText()).isEqualTo(FullTextMode.NEVER);
        assertThat(subscriptions.fullTextModeOf(feed)).isEqualTo(FullTextMode.NEVER);

        long b = subscriptions.upsert(feed, 200, 9L, null, null, null, SubscriptionSource.COMMAND, T0);
        assertThat(subscriptions.findById(b).orElseThrow().fullText()).isEqualTo(FullTextMode.AUTO);
        assertThat(subscriptions.fullTextModeOf(feed)).isEqualTo(FullTextMode.AUTO);

        subscriptions.upsert(feed, 300, 9L, null, null, null, SubscriptionSource.CONFIG, T0, FullTextMode.ALWAYS);
        assertThat(subscriptions.fullTextModeOf(feed)).isEqualTo(FullTextMode.ALWAYS);

        long other = feeds.add("https://b.example/feed", T0, Duration.ofMinutes(15));
        assertThat(subscriptions.fullTextModeOf(other)).isEqualTo(FullTextMode.NEVER);

        subscriptions.upsert(feed, 300, 9L, null, null, null, SubscriptionSource.CONFIG, T0, FullTextMode.NEVER);
        subscriptions.pause(b, "Missing Access");
        assertThat(subscriptions.fullTextModeOf(feed)).as("only active subscriptions receive new cards")
                .isEqualTo(FullTextMode.NEVER);
    }

    @StoreTest
    void pausedSubscriptionsAreNotRoutedToAndPauseHappensOnce() {
        long a = subscriptions.upsert(feed, 100, 9L, null, null, null, SubscriptionSource.COMMAND, T0);
        long b = subscriptions.upsert(feed, 200, 9L, null, null, null, SubscriptionSource.COMMAND, T0);

        assertThat(subscriptions.pause(a, "Missing Access")).isTrue();
        assertThat(subscriptions.pause(a, "Missing Access")).isFalse();
        subscriptions.markPauseAnnounced(a);

        assertThat(subscriptions.listForFeed(feed)).extracting(Subscription::id).containsExactly(b);
        assertThat(subscriptions.findById(a).orElseThrow()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubscriptionStatus.PAUSED);
            assertThat(s.pausedReason()).isEqualTo("Missing Access");
            assertThat(s.pauseAnnounced()).isTrue();
        });

        assertThat(subscriptions.resume(a)).isTrue();
        assertThat(subscriptions.findById(a).orElseThrow()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(s.pausedReason()).isNull();
            assertThat(s.pauseAnnounced()).isFalse();
        });
        assertThat(subscriptions.listForFeed(feed)).extracting(Subscription::id).containsExactly(a, b);
    }

    @StoreTest
    void configSyncDeletesOnlyConfigRowsThatLeftTheFile() {
        long kept = subscriptions.upsert(feed, 100, null, null, null, null, SubscriptionSource.CONFIG, T0);
        long gone = subscriptions.upsert(feed, 200, null, null, null, null, SubscriptionSource.CONFIG, T0);
        long command = subscriptions.upsert(feed, 300, null, null, null, null, SubscriptionSource.COMMAND, T0);

        assertThat(subscriptions.deleteConfigSubscriptionsNotIn(Set.of(kept))).isEqualTo(1);

        assertThat(subscriptions.listAll()).extracting(Subscription::id).containsExactly(kept, command);
        assertThat(subscriptions.findById(gone)).isEmpty();
    }

    @StoreTest
    void guildIsResolvedLaterAndDeletingTheFeedCascades() {
        long id = subscriptions.upsert(feed, 100, null, null, null, null, SubscriptionSource.CONFIG, T0);
        assertThat(subscriptions.findById(id).orElseThrow().guildId()).isNull();

        subscriptions.setGuild(id, 42);
        assertThat(subscriptions.findById(id).orElseThrow().guildId()).isEqualTo(42L);

        db.write(c -> c.createStatement().executeUpdate("DELETE FROM feeds WHERE id = " + feed));
        assertThat(subscriptions.listAll()).isEmpty();
    }

    @StoreTest
    void audienceRolesAreSetReplacedAndClearedPerGuild() {
        AudienceRoleStore roles = new AudienceRoleStore(db);
        roles.set(1, "developers", 11);
        roles.set(1, "security", 12);
        roles.set(1, "developers", 13);
        roles.set(2, "developers", 21);

        assertThat(roles.listForGuild(1)).containsExactly(java.util.Map.entry("developers", 13L), java.util.Map.entry("security", 12L));
        assertThat(roles.clear(1, "security")).isTrue();
        assertThat(roles.clear(1, "security")).isFalse();
        assertThat(roles.listForGuild(1)).containsOnlyKeys("developers");
        assertThat(roles.listForGuild(2)).containsEntry("developers", 21L);
    }
}
