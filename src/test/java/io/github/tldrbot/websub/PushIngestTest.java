package io.github.tldrbot.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.FetchError;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.poll.FeedDocumentParser;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushed content goes the poller's way, but never while a poll holds the feed (SPEC §4.3): the push
 * waits for the poll's claim to be released, then seeds or posts like a 200 poll result.
 */
class PushIngestTest {
    private static final String URL = "https://news.example/feed.xml";
    private static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(3), 5, 3);

    @TempDir
    Path dir;
    private Database db;
    private FeedStore feeds;
    private ArticleStore articles;
    private final List<PostedCard> sink = new CopyOnWriteArrayList<>();
    private PushIngest ingest;
    private long feedId;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("push.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        Clock clock = Clock.systemUTC();
        FeedRefresher refresher = new FeedRefresher((url, validators) -> new FetchResult.Failed(FetchError.INVALID_URL, "no polls here"),
                FeedDocumentParser.skippingKnown(new FeedParser(ArticleLanguage.NONE)), feeds, articles,
                new NewArticlePoster(new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list())), new CardStore(db),
                        sink::add, clock), new PollIntervalPolicy(POLLING), POLLING, clock);
        ingest = new PushIngest(feeds, refresher, new PushIngest.ClaimTerms(null, Duration.ofMinutes(2), Duration.ZERO),
                Duration.ofSeconds(30), clock);
        feedId = feeds.add(URL, Instant.now().plusSeconds(3600), POLLING.defaultInterval());
    }

    @AfterEach
    void tearDown() {
        ingest.close();
        db.close();
    }

    private static byte[] rss(String... ids) {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Example News</title><link>https://news.example/</link>");
        for (String id : ids) {
            sb.append("<item><title>Acme ").append(id).append(" ships a faster kettle</title><link>https://news.example/")
                    .append(id).append("</link><guid>").append(id).append("</guid><description>Acme released ").append(id)
                    .append(" today.</description></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPushWaitsForThePollHoldingTheFeedThenSeedsAndLaterPosts() throws Exception {
        // a poll holds the feed (claimed as the dispatcher claims)
        assertThat(feeds.claimOne(feedId, Instant.now(), Duration.ofMinutes(2), null, Duration.ZERO)).isPresent();
        assertThat(ingest.submit(feedId, rss("a1"), "application/rss+xml")).isTrue();
        Thread.sleep(700);
        assertThat(articles.listByFeed(feedId, 10)).as("nothing runs while the poll holds the feed").isEmpty();

        feeds.releaseLease(feedId);
        await().atMost(Duration.ofSeconds(10)).until(() -> feeds.findById(feedId).orElseThrow().seeded());
        assertThat(articles.listByFeed(feedId, 10)).hasSize(1);
        assertThat(sink).as("the first document seeds: nothing posted but the seed sample")
                .allSatisfy(c -> assertThat(c.seedSample()).isTrue());
        assertThat(feeds.findById(feedId).orElseThrow().leaseUntil()).as("the push's claim is released").isNull();

        assertThat(ingest.submit(feedId, rss("a2", "a1"), "application/rss+xml")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.stream().anyMatch(c -> !c.seedSample()));
        assertThat(sink.stream().filter(c -> !c.seedSample()).map(c -> c.article().id())).containsExactly("guid:a2");
    }

    @Test
    void aPushForADisabledFeedIsDropped() throws Exception {
        feeds.disable(feedId, "gone");
        assertThat(ingest.submit(feedId, rss("a1"), null)).isTrue();
        Thread.sleep(500);
        assertThat(articles.listByFeed(feedId, 10)).isEmpty();
    }
}
