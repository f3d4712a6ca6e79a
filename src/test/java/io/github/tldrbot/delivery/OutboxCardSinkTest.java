package io.github.tldrbot.delivery;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCardSinkTest {
    static final FeedInfo INFO = new FeedInfo(DeliveryFixture.FEED_URL, "Example News", "https://news.example/", "rss_2.0", null);

    @TempDir
    Path dir;
    DeliveryFixture fx;
    Instant t0 = Instant.parse("2026-11-28T12:00:00Z");

    @BeforeEach
    void open() {
        fx = new DeliveryFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void routesEachCardToTheActiveSubscriptionsWhoseFiltersAcceptIt() {
        Subscription all = fx.subscribe(100, 1L, null, null, null);
        Subscription devs = fx.subscribe(200, 1L, "developers", null, null);
        Subscription rust = fx.subscribe(300, 1L, null, "rust, /wasm\\d/", null);
        Subscription noRust = fx.subscribe(400, 1L, null, null, "rust");
        Subscription paused = fx.subscribe(500, 1L, null, null, null);
        fx.subscriptions.pause(paused.id(), "Missing Access");

        publish(article("r1", "Rust 2.0 released"), "developers");
        publish(article("w1", "Compiling to wasm3 today"), "investors");
        publish(article("p1", "Policy news"), "policy");

        assertThat(articleIds(all)).containsExactly("r1", "w1", "p1");
        assertThat(articleIds(devs)).containsExactly("r1");
        assertThat(articleIds(rust)).containsExactly("r1", "w1");
        assertThat(articleIds(noRust)).containsExactly("w1", "p1");
        assertThat(articleIds(paused)).isEmpty();
    }

    @Test
    void seedSamplesAreNeverEnqueuedAndRepeatsAreNoOps() {
        Subscription sub = fx.subscribe(100);
        AtomicInteger wakes = new AtomicInteger();
        OutboxCardSink sink = new OutboxCardSink(fx.subscriptions, fx.deliveries, wakes::incrementAndGet, Clock.systemUTC());
        StoredArticle seed = fx.store("seed", t0);
        StoredArticle fresh = fx.store("fresh", t0);

        sink.publish(posted(seed, true));
        assertThat(fx.deliveriesOf(sub)).isEmpty();
        assertThat(wakes).hasValue(0);

        sink.publish(posted(fresh, false));
        sink.publish(posted(fresh, false));
        assertThat(fx.deliveriesOf(sub)).extracting(Delivery::articleId).containsExactly(fresh.id());
        assertThat(wakes).hasValue(1);
    }

    @Test
    void thePosterSavesTheCardBeforeTheSinkSeesItSoTheWorkerCanAlwaysLoadIt() {
        Subscription sub = fx.subscribe(100);
        List<Boolean> cardStoredWhenPublished = new ArrayList<>();
        NewArticlePoster poster = new NewArticlePoster(a -> DeliveryFixture.card(a.id(), "developers"), fx.cards, card -> {
            cardStoredWhenPublished.add(fx.cards.find(card.articleId()).isPresent());
            fx.sink.publish(card);
        }, Clock.systemUTC());
        List<StoredArticle> stored = fx.articles.insertIfNew(fx.feedId,
                List.of(DeliveryFixture.article("x1"), DeliveryFixture.article("x2")), t0);

        assertThat(poster.post(fx.feedId, INFO, stored, false)).isEqualTo(2);

        assertThat(cardStoredWhenPublished).containsExactly(true, true);
        assertThat(fx.deliveriesOf(sub)).hasSize(2);
    }

    @Test
    void aStoredFilterThatNoLongerCompilesRoutesNothingToThatSubscription() {
        Subscription broken = fx.subscribe(100, 1L, null, "/[a-/", null);
        Subscription fine = fx.subscribe(200);

        publish(article("a1", "Anything"), "developers");

        assertThat(articleIds(broken)).isEmpty();
        assertThat(articleIds(fine)).containsExactly("a1");
    }

    private void publish(Article article, String audience) {
        StoredArticle stored = fx.articles.insertIfNew(fx.feedId, List.of(article), t0).get(0);
        Card card = DeliveryFixture.card(article.id(), audience);
        fx.cards.save(stored.id(), card, t0);
        fx.sink.publish(new PostedCard(fx.feedId, INFO, stored.id(), article, card, false));
    }

    private PostedCard posted(StoredArticle stored, boolean seed) {
        return new PostedCard(fx.feedId, INFO, stored.id(), stored.article(), fx.cards.find(stored.id()).orElseThrow(), seed);
    }

    private static Article article(String id, String title) {
        return new Article(id, id, title, "https://news.example/" + id, null, null, null, List.of(), null, null, null);
    }

    private List<String> articleIds(Subscription subscription) {
        return fx.deliveriesOf(subscription).stream()
                .map(d -> fx.articles.findById(d.articleId()).orElseThrow().article().id())
                .toList();
    }
}
