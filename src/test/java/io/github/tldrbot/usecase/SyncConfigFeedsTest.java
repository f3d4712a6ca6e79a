package io.github.tldrbot.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.config.ConfigException;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigFeedsTest {
    @TempDir
    Path dir;
    private Database db;
    private FeedStore feeds;
    private SubscriptionStore subscriptions;
    private SyncConfigFeeds syncer;
    private final LongFunction<Optional<Long>> guildOf = channel -> channel == 999 ? Optional.empty() : Optional.of(7L);

    @BeforeEach
    void open() {
        db = new Database("jdbc:sqlite:" + dir.resolve("sync.db"));
        feeds = new FeedStore(db);
        subscriptions = new SubscriptionStore(db);
        syncer = new SyncConfigFeeds(db, feeds, subscriptions, io.github.tldrbot.config.ShardSet.single(),
                Duration.ofMinutes(15), Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
    }

    private void sync(List<FeedEntryConfig> entries) {
        syncer.withSubscriptions(entries, guildOf);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void entriesBecomeSubscriptionsAndRemovedEntriesAreUnsubscribed() {
        sync(List.of(
                new FeedEntryConfig("https://a.example/feed", "101", "security", null, null),
                new FeedEntryConfig("https://a.example/feed", "102", null, "python", "/sponsor(ed)?/"),
                new FeedEntryConfig("https://b.example/feed", null, null, null, null)));
        assertThat(feeds.listAll()).hasSize(2);
        assertThat(subscriptions.listAll()).hasSize(2).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(SubscriptionSource.CONFIG);
            assertThat(s.guildId()).isEqualTo(7L);
        });
        long commandFeed = feeds.add("https://c.example/feed", Instant.now(), Duration.ofMinutes(15));
        subscriptions.upsert(commandFeed, 103, 7L, null, null, null, SubscriptionSource.COMMAND, Instant.now());

        sync(List.of(new FeedEntryConfig("https://a.example/feed", "102", null, "rust", null)));
        List<Subscription> now = subscriptions.listAll();
        assertThat(now).extracting(Subscription::channelId).containsExactlyInAnyOrder(102L, 103L);
        Subscription changed = now.stream().filter(s -> s.channelId() == 102).findFirst().orElseThrow();
        assertThat(changed.include()).isEqualTo("rust");
        assertThat(changed.exclude()).isNull();
        // b.example left the file and nobody subscribes: no longer polled; a.example still subscribed; c by command.
        assertThat(feeds.listAll()).extracting(f -> f.url())
                .containsExactlyInAnyOrder("https://a.example/feed", "https://c.example/feed");
    }

    @Test
    void fullTextOfAnEntryIsStoredAndFollowsTheFile() {
        sync(List.of(new FeedEntryConfig("https://a.example/feed", "101", null, null, null, FullTextMode.NEVER)));
        long feed = feeds.findByUrl("https://a.example/feed").orElseThrow().id();
        assertThat(subscriptions.findByChannelAndFeed(101, feed).orElseThrow().fullText()).isEqualTo(FullTextMode.NEVER);

        sync(List.of(new FeedEntryConfig("https://a.example/feed", "101", null, null, null)));
        assertThat(subscriptions.findByChannelAndFeed(101, feed).orElseThrow().fullText()).isEqualTo(FullTextMode.AUTO);
    }

    @Test
    void aChannelTheBotCannotSeeIsKeptWithoutAGuild() {
        sync(List.of(new FeedEntryConfig("https://a.example/feed", "999", null, null, null)));
        assertThat(subscriptions.listAll()).singleElement().satisfies(s -> assertThat(s.guildId()).isNull());
    }

    @Test
    void aBadRegexNamesTheEntry() {
        assertThatThrownBy(() -> sync(List.of(
                new FeedEntryConfig("https://a.example/feed", "101", null, null, null),
                new FeedEntryConfig("https://a.example/feed", "102", null, "/[a-/", null))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("feeds[1].include:");
    }
}
