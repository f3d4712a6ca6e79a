package io.github.tldrbot.app;

import io.github.tldrbot.store.OutboxScope;
import io.github.tldrbot.delivery.DeliveryWorker;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.CardCacheStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PageTextStore;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.story.StoryIndex;
import io.github.tldrbot.story.StoryTracker;
import java.time.Clock;
import java.util.Optional;

/** The stores of one database, and the worker once one exists. */
final class Stores {
    final Database database;
    final FeedStore feeds;
    final ArticleStore articles;
    final CardStore cards;
    final SubscriptionStore subscriptions;
    final DeliveryStore deliveries;
    final AudienceRoleStore roles;
    final CardCacheStore cardCache;
    final RecapScheduleStore recapSchedules;
    final PageTextStore pageTexts;
    /** Story assignment over the articles table; loaded in {@link Wiring} before posting starts. */
    final StoryTracker stories;
    /** Discord mode's delivery worker, once built; empty in preview mode. */
    Optional<DeliveryWorker> worker = Optional.empty();

    Stores(Database db, Clock clock, OutboxScope outbox) {
        database = db;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db, outbox);
        roles = new AudienceRoleStore(db);
        cardCache = new CardCacheStore(db, clock);
        recapSchedules = new RecapScheduleStore(db);
        pageTexts = new PageTextStore(db, clock);
        stories = new StoryTracker(new StoryIndex(), articles, clock);
    }
}
