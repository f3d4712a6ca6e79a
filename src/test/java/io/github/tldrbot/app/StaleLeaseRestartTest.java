package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.testing.LiveFeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4.3: a feed a killed run had claimed is polled again as soon as a single process restarts,
 * not after its lease (issue 11 saw 65 s and more after a kill -9).
 */
class StaleLeaseRestartTest {

    @TempDir
    Path dir;

    @Test
    void aFeedClaimedByTheRunThatDiedIsPolledAtOnceAfterTheRestart() throws Exception {
        try (LiveFeed feed = new LiveFeed("Lease Wire")) {
            feed.add("a", "First story", "Text one.");
            Path db = dir.resolve("bot.db");
            try (Database database = new Database("jdbc:sqlite:" + db)) {
                FeedStore feeds = new FeedStore(database);
                feeds.add(feed.url(), Instant.now().minusSeconds(60), Duration.ofSeconds(1));
                // the previous run claimed it for an hour and was killed before recording the poll
                assertThat(feeds.claimDue(Instant.now(), Duration.ofHours(1), 10)).hasSize(1);
            }
            var config = new ConfigLoader(DefaultAudiences.list()).parse("""
                    storage: {jdbcUrl: "jdbc:sqlite:%s"}
                    fetch: {allowPrivateNetworks: true, timeout: 5s}
                    polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                    feeds: [{url: "%s"}]
                    """.formatted(db, feed.url()), "test");
            try (Launcher.Running bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> bot.bot().stores().feeds.findByUrl(feed.url())
                        .map(f -> f.seeded()).orElse(false));
            }
        }
    }
}
