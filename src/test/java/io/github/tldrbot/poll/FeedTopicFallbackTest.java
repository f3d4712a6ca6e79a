package io.github.tldrbot.poll;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FeedTopicFallback}: the feed's topic on a card naming no audience, its articles classified once each. */
class FeedTopicFallbackTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final FeedInfo INFO = new FeedInfo("https://sky.example/feed", "Sky notes", "https://sky.example/",
            "rss_2.0", null);

    @TempDir
    Path dir;
    Database db;
    ArticleStore articles;
    long feedId;
    MutableClock clock = new MutableClock(T0);
    FeedTopic topic = new FeedTopic(new AudienceClassifier(DefaultAudiences.list()));
    AtomicInteger classified = new AtomicInteger();
    FeedTopicFallback fallback;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("topic.db"));
        articles = new ArticleStore(db);
        feedId = new FeedStore(db).add(INFO.url(), T0, Duration.ofMinutes(15));
        fallback = new FeedTopicFallback(topic, articles, clock, a -> {
            classified.incrementAndGet();
            return topic.audiencesOf(a);
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void workedOutAgainItClassifiesOnlyTheArticlesStoredSinceAndAnswersAsBefore() {
        store(0, 30, "Telescope spots comet");
        Card filled = fallback.fill(feedId, INFO, bare());
        assertThat(filled.whoShouldCare()).extracting(AudienceRef::id).containsExactly("science");
        assertThat(classified).hasValue(30);

        clock.advance(FeedTopicFallback.REMEMBER.plusMinutes(1));
        store(30, 15, "Quarterly earnings beat estimates as shares rally");
        filled = fallback.fill(feedId, INFO, bare());

        assertThat(classified).as("the 15 new articles only; 5 old ones fell out of the 40").hasValue(45);
        List<Article> recent = articles.listByFeed(feedId, FeedTopic.RECENT_ARTICLES).stream()
                .map(s -> s.article()).toList();
        assertThat(filled.whoShouldCare()).as("what classifying all 40 again gives")
                .isEqualTo(topic.of(INFO.title(), recent));
    }

    @Test
    void withinItsTimeTheTopicIsReusedWithoutReadingArticles() {
        store(0, 10, "Telescope spots comet");
        fallback.fill(feedId, INFO, bare());
        clock.advance(Duration.ofHours(1));
        store(10, 10, "Quarterly earnings beat estimates as shares rally");
        assertThat(fallback.fill(feedId, INFO, bare()).whoShouldCare()).extracting(AudienceRef::id)
                .containsExactly("science");
        assertThat(classified).hasValue(10);
    }

    private void store(int from, int count, String title) {
        List<Article> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(new Article("a" + i, "a" + i, title + " " + i, "https://sky.example/" + i, T0, null, null, List.of(),
                    title + ": astronomers and analysts followed it closely.", null, null));
        }
        articles.insertIfNew(feedId, batch, clock.instant());
        clock.advance(Duration.ofSeconds(1));
    }

    private static Card bare() {
        return new Card("A short note.", null, null, null, List.of(), List.of(), "test");
    }
}
