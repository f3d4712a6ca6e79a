package io.github.tldrbot.schedule;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long one dispatch cycle takes for many due feeds with an instant fake fetcher, i.e. the cost
 * of our own claim/store/schedule work. Baseline, same run: one empty-ish write transaction per
 * feed, the floor any per-feed bookkeeping on SQLite pays.
 */
@Tag("benchmark")
class PollDispatcherBenchmarkTest {
    static final int FEEDS = 2_000;
    static final int ARTICLES_PER_FEED = 20;
    static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 10);

    @TempDir
    Path dir;

    @Test
    void dispatchCycleCost() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("bench.db"))) {
            FeedStore feeds = new FeedStore(db);
            ArticleStore articles = new ArticleStore(db);
            Clock clock = Clock.systemUTC();
            Instant start = clock.instant();
            for (int i = 0; i < FEEDS; i++) {
                feeds.add("https://bench.example/" + i, start, POLLING.defaultInterval());
            }

            long baselineStart = System.nanoTime();
            for (int i = 0; i < FEEDS; i++) {
                long id = i + 1;
                db.write(c -> {
                    try (PreparedStatement s = c.prepareStatement("UPDATE feeds SET last_polled_at = ? WHERE id = ?")) {
                        s.setLong(1, 0);
                        s.setLong(2, id);
                        return s.executeUpdate();
                    }
                });
            }
            Duration baseline = Duration.ofNanos(System.nanoTime() - baselineStart);

            FeedRefresher refresher = new FeedRefresher(
                    (url, validators) -> new FetchResult.Ok(url, url.toString().getBytes(), "application/rss+xml", Validators.NONE, null),
                    (body, type, base) -> document(base),
                    feeds, articles,
                    new NewArticlePoster(a -> new Card("t", null, null, null, List.of(), List.of(), "bench"), new CardStore(db), c -> { }, clock),
                    new PollIntervalPolicy(POLLING), POLLING, clock);
            try (PollDispatcher dispatcher = new PollDispatcher(feeds, refresher, 8, Duration.ofMinutes(5), 500, clock)) {
                PollCycleSummary seeding = dispatcher.runOnce();
                assertThat(seeding.feeds()).isEqualTo(FEEDS);
                assertThat(seeding.newArticles()).isEqualTo(FEEDS * ARTICLES_PER_FEED);
                System.out.printf("dispatch cycle, %d feeds x %d new articles (seeding): %d ms (%.0f feeds/s)%n",
                        FEEDS, ARTICLES_PER_FEED, seeding.took().toMillis(), FEEDS * 1000.0 / seeding.took().toMillis());
                System.out.printf("baseline, %d single-row write transactions: %d ms%n", FEEDS, baseline.toMillis());
                System.out.printf("ratio cycle/baseline: %.1f%n", (double) seeding.took().toNanos() / baseline.toNanos());
            }
        }
    }

    private static ParsedFeed document(String base) {
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < ARTICLES_PER_FEED; i++) {
            list.add(new Article(base + "#" + i, null, "Title " + i, base + "/" + i, null, null, null, List.of("x"),
                    "Summary " + i, null, null));
        }
        return new ParsedFeed(new FeedInfo(base, "Bench", base, "rss_2.0", null), list);
    }
}
