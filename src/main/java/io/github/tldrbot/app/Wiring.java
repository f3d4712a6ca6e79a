package io.github.tldrbot.app;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.poll.FeedTopicFallback;
import io.github.tldrbot.story.StoryTracker;
import io.github.tldrbot.card.CardCache;
import io.github.tldrbot.llm.OpenAiSummarizer;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.delivery.DeliverySettings;
import io.github.tldrbot.delivery.DeliveryWorker;
import io.github.tldrbot.delivery.FeedDisabledNotifier;
import io.github.tldrbot.delivery.OutboxCardSink;
import io.github.tldrbot.delivery.OutgoingMessageLoader;
import io.github.tldrbot.delivery.StoryContext;
import io.github.tldrbot.delivery.Publisher;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.ArticlePageReader;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.poll.CardSink;
import io.github.tldrbot.poll.FeedDocumentParser;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.FullTextSettings;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PageFullText;
import io.github.tldrbot.poll.PendingPostRecovery;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.schedule.PollDispatcher;
import io.github.tldrbot.schedule.PollScheduler;
import io.github.tldrbot.schedule.PruneJob;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.SubscriptionTargetStore;
import io.github.tldrbot.store.DeferredWrites;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.usecase.SyncConfigFeeds;
import io.github.tldrbot.usecase.UseCases;
import io.github.tldrbot.store.WebSubStore;
import io.github.tldrbot.websub.WebSub;
import io.github.tldrbot.websub.WebSubSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that constructs services and connects them. Everything
 * else receives its collaborators in its constructor.
 */
final class Wiring {

    private static final Logger log = LoggerFactory.getLogger(Wiring.class);
    /** A push's feed claim when no heartbeat renews it: long enough for one parse-store-post of a feed. */
    private static final Duration PUSH_CLAIM_LEASE = Duration.ofMinutes(2);
    static final String WEBSUB_TIMINGS_PROPERTY = "tldrbot.websub.timings";
    private final BotConfig config;
    private final Clock clock;

    /** @param config as loaded; its {@code feeds:} platform addresses are resolved to their feeds here */
    Wiring(BotConfig config, Clock clock) {
        this.config = ConfigFeedUrls.resolved(config);
        this.clock = clock;
    }

    /**
     * The configured summarizer: extractive, or a model behind an OpenAI-compatible endpoint with the
     * extractive card as its fallback. A model summarizer is {@link AutoCloseable}: close it.
     *
     * @param cache model-written cards by content hash ({@link CardCache#NONE} where nothing is stored)
     */
    Summarizer summarizer(CardCache cache) {
        Summarizer extractive = new ExtractiveSummarizer(classifier());
        if (!config.summarizer().usesModel()) {
            return extractive;
        }
        return new OpenAiSummarizer(config.summarizer(), config.audiences(), extractive, cache, clock);
    }

    /** The configured audiences' classifier (SPEC §5.3). */
    AudienceClassifier classifier() {
        return new AudienceClassifier(config.audiences());
    }

    /** What a feed is about, for cards that name no audience of their own. */
    FeedTopic feedTopic() {
        return new FeedTopic(classifier());
    }

    HttpFeedFetcher fetcher() {
        return new HttpFeedFetcher(config.fetch());
    }

    /** The Discord shards this process runs (SPEC §13). */
    ShardSet shards() {
        return config.discord().shards();
    }

    /** Preview mode: cards go to {@code sink} (the terminal); nothing is posted. */
    Bot previewBot(CardSink sink) {
        return build(new Mode.Preview(sink), Database.open(config.storage()), ClusterRole.alone(shards()));
    }

    /**
     * Discord mode: cards go through the outbox to {@code publisher}; the {@code feeds:} entries of
     * the config become subscriptions.
     *
     * @param guildOfChannel the guild of a channel id, as the connected bot sees it
     */
    Bot discordBot(Publisher publisher, LongFunction<Optional<Long>> guildOfChannel) {
        return discordBot(publisher, guildOfChannel, Database.open(config.storage()), ClusterRole.alone(shards()));
    }

    /**
     * Discord mode as one of several processes on the store (SPEC §13).
     *
     * @param database the open store; the bot closes it
     * @param role     this process among the others: the shards it runs now, its id and heartbeat
     */
    Bot discordBot(Publisher publisher, LongFunction<Optional<Long>> guildOfChannel, Database database, ClusterRole role) {
        return build(new Mode.Discord(publisher, guildOfChannel), database, role);
    }

    /**
     * A poll-only process ({@code discord.shards.ids: []}, SPEC §13): it polls and writes cards to the
     * outbox; the processes that run the shards send them.
     */
    Bot pollOnlyBot(Database database, ClusterRole role) {
        return build(new Mode.PollOnly(), database, role);
    }

    /** Where cards go: printed (preview mode, no token), posted through the outbox, or only written to it. */
    private sealed interface Mode {
        record Preview(CardSink sink) implements Mode {
        }

        /** @param guildOfChannel the guild of a channel id, as the connected bot sees it */
        record Discord(Publisher publisher, LongFunction<Optional<Long>> guildOfChannel) implements Mode {
        }

        record PollOnly() implements Mode {
        }
    }

    /**
     * The use cases over the bot's store.
     *
     * @param recapChanges the running recap scheduler, told when a schedule is added or removed
     */
    UseCases useCases(Stores stores, RecapScheduleChanges recapChanges) {
        return UseCases.of(config, stores.database, recapChanges, clock);
    }

    /** Discord mode's sink: the outbox, drained by the delivery worker (closed with the bot). */
    private CardSink outbox(Stores stores, Publisher publisher, ClusterRole role, Deque<AutoCloseable> opened) {
        DeliveryWorker worker = new DeliveryWorker(stores.deliveries, stores.subscriptions,
                new OutgoingMessageLoader(stores.articles, stores.cards, stores.feeds, stores.roles,
                        stores.recapSchedules, StoryContext.of(stores.stories::related, stores.stories::earlier),
                        new SubscriptionTargetStore(stores.database)::find),
                new FeedDisabledNotifier(stores.feeds, stores.subscriptions, publisher, role.shards()),
                publisher, DeliverySettings.defaults(), clock, new java.util.Random(), role.shards());
        opened.push(worker);
        stores.worker = Optional.of(worker);
        return new OutboxCardSink(stores.subscriptions, stores.deliveries, worker::wake, clock);
    }

    private Bot build(Mode mode, Database database, ClusterRole role) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            opened.push(database);
            opened.push(role.membership()); // leaves after polling and sending stopped, before the store closes
            Stores stores = new Stores(database, clock, role.outboxScope());
            if (shards().ownsAll()) {
                // one process owns this store: what a killed run had claimed is polled again at once
                int released = stores.feeds.releaseAllLeases();
                if (released > 0) {
                    log.info("took back {} feed claim(s) left by the previous run", released);
                }
            } // else other processes run the other shards: their claims are theirs, and expire by themselves
            SyncConfigFeeds sync = useCases(stores, RecapScheduleChanges.NONE).syncConfigFeeds();
            HttpFeedFetcher fetcher = fetcher();
            CardSink sink;
            if (mode instanceof Mode.Discord discord) {
                sync.withSubscriptions(config.feeds(), discord.guildOfChannel());
                opened.push(fetcher);
                sink = outbox(stores, discord.publisher(), role, opened);
            } else if (mode instanceof Mode.PollOnly) {
                sync.withSubscriptions(config.feeds(), channel -> Optional.empty());
                opened.push(fetcher);
                sink = new OutboxCardSink(stores.subscriptions, stores.deliveries, () -> { }, clock);
            } else {
                sync.feedsOnly(config.feeds());
                opened.push(fetcher);
                sink = ((Mode.Preview) mode).sink();
            }
            Summarizer summarizer = summarizer(stores.cardCache);
            if (summarizer instanceof AutoCloseable closeable) {
                opened.push(closeable);
            }
            // Preview mode has no subscriptions: the config entries carry the setting.
            FullTextSettings fullTextSettings = mode instanceof Mode.Preview ? FullTextSettings.fromEntries(config.feeds())
                    : (feedId, feedUrl) -> stores.subscriptions.fullTextModeOf(feedId);
            PageFullText fullText = new PageFullText(new ArticlePageReader(fetcher), stores.pageTexts, fullTextSettings);
            NewArticlePoster poster = new NewArticlePoster(summarizer, fullText, stores.cards, sink, clock,
                    ConfigAudiencePriors.of(stores.feeds, config.feeds()), new FeedTopicFallback(feedTopic(), stores.articles, clock));
            FeedParser parser = new FeedParser();
            // the poller detects languages only for new entries (FeedRefresher), not for every entry it re-reads
            FeedParser pollParser = new FeedParser(ArticleLanguage.NONE);
            // stories of articles a crash left without one are assigned here, before pending posts are recovered
            StoryTracker stories = stores.stories;
            stories.load();
            FeedRefresher refresher = new FeedRefresher(fetcher, FeedDocumentParser.skippingKnown(pollParser), stores.feeds, stores.articles, poster,
                    new PollIntervalPolicy(config.polling()), config.polling(), clock, new ArticleLanguage(), stories::assign,
                    new DeferredWrites(stores.database));
            PollDispatcher dispatcher = PollDispatcher.forConfig(stores.feeds, refresher, config.fetch(), clock);
            if (role.processId() != null) {
                dispatcher.claimAs(role.processId(), role.settings().feedLease(), role.settings().deadAfter());
            }
            PollScheduler scheduler = new PollScheduler(dispatcher,
                    new PruneJob(stores.articles, stores.cardCache, stores.pageTexts, config.retention().articles(), clock),
                    config.polling().dispatchEvery());
            opened.push(scheduler);
            if (config.server().webSub()) {
                // closed before the scheduler: no push is ingested while polling stops
                opened.push(webSub(stores, refresher, role));
            }
            return new Bot(opened, new PendingPostRecovery(stores.articles, stores.feeds, poster), stores, fetcher, parser, summarizer);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** The WebSub subscriber (SPEC §4.3); pushes claim feeds on the dispatcher's terms. */
    private WebSub webSub(Stores stores, FeedRefresher refresher, ClusterRole role) {
        boolean clustered = role.processId() != null;
        return new WebSub(webSubSettings(), new WebSubStore(stores.database), stores.feeds, refresher, role.processId(),
                clustered ? role.settings().feedLease() : PUSH_CLAIM_LEASE, clustered ? role.settings().deadAfter() : Duration.ZERO,
                clock);
    }

    /** {@link WebSubSettings#of}; tests override it (-D{@value #WEBSUB_TIMINGS_PROPERTY}) to shorten leases and waits. */
    WebSubSettings webSubSettings() {
        WebSubSettings settings = WebSubSettings.of(config);
        String timings = System.getProperty(WEBSUB_TIMINGS_PROPERTY);
        if (timings == null || timings.isBlank()) {
            return settings;
        }
        // lease,verifyTimeout,retryAfter,checkEvery in milliseconds: tests and benchmarks only
        String[] ms = timings.split(",");
        return settings.withTimings(Duration.ofMillis(Long.parseLong(ms[0].strip())), Duration.ofMillis(Long.parseLong(ms[1].strip())),
                Duration.ofMillis(Long.parseLong(ms[2].strip())), Duration.ofMillis(Long.parseLong(ms[3].strip())));
    }

    static void closeAll(Deque<AutoCloseable> opened, RuntimeException failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception suppressed) {
                if (failure != null) {
                    failure.addSuppressed(suppressed);
                }
            }
        }
    }
}
