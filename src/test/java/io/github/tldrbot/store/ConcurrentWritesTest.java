package io.github.tldrbot.store;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that race each other. On SQLite {@link Database#write} serialises them; on PostgreSQL they
 * really run at once, so these check that each store write is correct in READ COMMITTED.
 */
class ConcurrentWritesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final long CHANNEL = 100;

    private Database db;
    private FeedStore feeds;
    private ArticleStore articles;
    private SubscriptionStore subscriptions;
    private DeliveryStore deliveries;

    @BeforeEach
    void open(Database database) {
        db = database;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
    }

    @StoreTest
    void twoFeedsEnqueueingOneStoryInOneChannelAtOncePostOneCardAndEditIt() throws Exception {
        Subscription a = subscribe(feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15)));
        Subscription b = subscribe(feeds.add("https://b.example/feed", T0, Duration.ofMinutes(15)));
        for (int round = 0; round < 25; round++) {
            long first = article(a.feedId(), "a" + round);
            long second = article(b.feedId(), "b" + round);
            articles.setStories(Map.of(first, first, second, first));

            inParallel(List.of(() -> deliveries.enqueue(a, first, T0), () -> deliveries.enqueue(b, second, T0)));

            Delivery one = deliveries.listForSubscription(a.id()).get(round);
            Delivery other = deliveries.listForSubscription(b.id()).get(round);
            List<Delivery> posts = List.of(one, other).stream().filter(d -> d.editOf() == null).toList();
            assertThat(posts).as("round %d: one post", round).hasSize(1);
            Delivery edit = one.editOf() == null ? other : one;
            assertThat(edit.editOf()).as("round %d: the other edits it", round).isEqualTo(posts.get(0).id());
            assertThat(edit.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(DatabaseTest.count(db, "SELECT COUNT(*) FROM story_posts WHERE story_id = " + first)).isEqualTo(1);
        }
    }

    @StoreTest
    void racingLanesClaimEachDeliveryOnce() throws Exception {
        Subscription sub = subscribe(feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15)));
        for (int i = 0; i < 60; i++) {
            deliveries.enqueue(sub, article(sub.feedId(), "x" + i), T0);
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Callable<Object>> lanes = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            lanes.add(() -> {
                for (var next = deliveries.claimNext(CHANNEL, T0); next.isPresent(); next = deliveries.claimNext(CHANNEL, T0)) {
                    assertThat(claimed.add(next.get().id())).as("claimed once").isTrue();
                    deliveries.markSent(next.get().id(), "m" + next.get().id(), T0);
                }
                return null;
            });
        }
        inParallel(lanes);
        assertThat(claimed).hasSize(60);
        assertThat(deliveries.listForSubscription(sub.id())).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.attempts()).isEqualTo(1);
        });
    }

    @StoreTest
    void cardsSavedAtOnceForOneArticleLeaveOneWholeCard() throws Exception {
        long article = article(feeds.add("https://a.example/feed", T0, Duration.ofMinutes(15)), "x");
        CardStore cards = new CardStore(db);
        List<Callable<Object>> savers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Card card = new Card("Card " + t, null, null, null,
                    List.of(new AudienceRef("a" + t, "A" + t), new AudienceRef("b" + t, "B" + t)), List.of(), "extractive");
            savers.add(() -> {
                cards.save(article, card, T0);
                return null;
            });
        }
        inParallel(savers);
        Card saved = cards.find(article).orElseThrow();
        String n = saved.tldr().substring("Card ".length());
        assertThat(saved.whoShouldCare()).extracting(AudienceRef::id).containsExactly("a" + n, "b" + n);
    }

    private Subscription subscribe(long feed) {
        long id = subscriptions.upsert(feed, CHANNEL, 1L, null, null, null, SubscriptionSource.COMMAND, T0);
        return subscriptions.findById(id).orElseThrow();
    }

    private long article(long feed, String id) {
        Article article = ArticleStoreTest.article(id, T0);
        return articles.insertIfNew(feed, List.of(article), T0).get(0).id();
    }

    /** Runs the tasks on their own threads, released together; rethrows the first failure. */
    private static void inParallel(List<? extends Callable<?>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable<?> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
