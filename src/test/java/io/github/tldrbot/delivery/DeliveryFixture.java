package io.github.tldrbot.delivery;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SuccessfulPoll;
import io.github.tldrbot.feed.Validators;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A real SQLite file with the delivery stores, one feed, and helpers to subscribe and post cards. */
final class DeliveryFixture implements AutoCloseable {
    static final String FEED_URL = "https://news.example/feed.xml";
    static final DeliverySettings FAST = new DeliverySettings(4, Duration.ofMillis(40), Duration.ofMinutes(4),
            Duration.ofMillis(20), Duration.ofMillis(200), 5, 20, Duration.ofSeconds(2), Duration.ofHours(1));

    final Database db;
    final FeedStore feeds;
    final ArticleStore articles;
    final CardStore cards;
    final SubscriptionStore subscriptions;
    final DeliveryStore deliveries;
    final AudienceRoleStore roles;
    final long feedId;
    final OutboxCardSink sink;
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private volatile Runnable wake = () -> { };

    DeliveryFixture(Path dir) {
        db = new Database("jdbc:sqlite:" + dir.resolve("delivery.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
        roles = new AudienceRoleStore(db);
        feedId = feeds.add(FEED_URL, Instant.now(), Duration.ofMinutes(15));
        feeds.recordSuccess(feedId, new SuccessfulPoll(Instant.now(), Validators.NONE, "Example News",
                "https://news.example/", Duration.ofMinutes(15), Instant.now().plus(Duration.ofMinutes(15))));
        sink = new OutboxCardSink(subscriptions, deliveries, () -> wake.run(), Clock.systemUTC());
    }

    Subscription subscribe(long channel, Long guild, String audience, String include, String exclude) {
        long id = subscriptions.upsert(feedId, channel, guild, audience, include, exclude, SubscriptionSource.COMMAND, Instant.now());
        return subscriptions.findById(id).orElseThrow();
    }

    Subscription subscribe(long channel) {
        return subscribe(channel, 1L, null, null, null);
    }

    /** Stores an article first seen {@code firstSeen}, saves its card and hands it to the outbox sink. */
    StoredArticle post(String id, Instant firstSeen, String... audiences) {
        StoredArticle stored = store(id, firstSeen, audiences);
        Card card = cards.find(stored.id()).orElseThrow();
        sink.publish(new PostedCard(feedId, new FeedInfo(FEED_URL, "Example News", "https://news.example/", "rss_2.0", null),
                stored.id(), stored.article(), card, false));
        return stored;
    }

    StoredArticle store(String id, Instant firstSeen, String... audiences) {
        Article article = article(id);
        StoredArticle stored = articles.insertIfNew(feedId, List.of(article), firstSeen).get(0);
        cards.save(stored.id(), card(id, audiences), firstSeen);
        return stored;
    }

    static Article article(String id) {
        return new Article(id, id, "Title " + id, "https://news.example/" + id, null, null, null,
                List.of(), "Summary " + id, "Body " + id, null);
    }

    static Card card(String id, String... audiences) {
        List<AudienceRef> refs = new ArrayList<>();
        for (String audience : audiences) {
            refs.add(new AudienceRef(audience, audience));
        }
        return new Card("TLDR " + id, null, null, null, refs, List.of(), "test");
    }

    DeliveryWorker worker(Publisher publisher, Clock clock, DeliverySettings settings) {
        DeliveryWorker worker = new DeliveryWorker(deliveries, subscriptions,
                new OutgoingMessageLoader(articles, cards, feeds, roles, new RecapScheduleStore(db)),
                new FeedDisabledNotifier(feeds, subscriptions, publisher), publisher, settings, clock, new Random(7), ShardSet.single());
        workers.add(worker);
        wake = worker::wake;
        return worker;
    }

    /** A worker of a process that runs {@code shards} (SPEC §13): its own store view and notifier for those shards. */
    DeliveryWorker worker(Publisher publisher, ShardSet shards) {
        DeliveryWorker worker = new DeliveryWorker(new DeliveryStore(db, shards), subscriptions,
                new OutgoingMessageLoader(articles, cards, feeds, roles, new RecapScheduleStore(db)),
                new FeedDisabledNotifier(feeds, subscriptions, publisher, shards), publisher, FAST, Clock.systemUTC(),
                new Random(7), shards);
        workers.add(worker);
        wake = worker::wake;
        return worker;
    }

    DeliveryWorker worker(Publisher publisher) {
        return worker(publisher, Clock.systemUTC(), FAST);
    }

    List<Delivery> deliveriesOf(Subscription subscription) {
        return deliveries.listForSubscription(subscription.id());
    }

    @Override
    public void close() {
        workers.forEach(DeliveryWorker::close);
        db.close();
    }
}
