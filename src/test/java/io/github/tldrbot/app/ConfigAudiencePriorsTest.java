package io.github.tldrbot.app;

import io.github.tldrbot.usecase.SyncConfigFeeds;

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

class ConfigAudiencePriorsTest {
    @TempDir
    Path dir;

    @Test
    void configEntriesNameTheirFeedsDefaultAudiences() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("priors.db"))) {
            FeedStore feeds = new FeedStore(db);
            new SyncConfigFeeds(db, feeds, new SubscriptionStore(db), io.github.tldrbot.config.ShardSet.single(), Duration.ofMinutes(15), Clock.systemUTC())
                    .withSubscriptions(entries(), channel -> Optional.of(7L));
            check(feeds);
        }
    }

    private static List<FeedEntryConfig> entries() {
        return List.of(
                new FeedEntryConfig("https://a.example/feed", "101", "security", null, null),
                new FeedEntryConfig("https://a.example/feed", "102", "Developers", null, null),
                new FeedEntryConfig("https://a.example/feed", "103", "security", null, null),
                new FeedEntryConfig("https://b.example/feed", "101", null, null, null));
    }

    private static void check(FeedStore feeds) {
        List<FeedEntryConfig> entries = entries();
        io.github.tldrbot.poll.AudiencePriors priors = ConfigAudiencePriors.of(feeds, entries);
        long a = feeds.findByUrl("https://a.example/feed").orElseThrow().id();
        long b = feeds.findByUrl("https://b.example/feed").orElseThrow().id();
        assertThat(priors.forFeed(a)).containsExactly("security", "developers");
        assertThat(priors.forFeed(b)).isEmpty();
        assertThat(priors.forFeed(12345)).isEmpty();
    }
}
