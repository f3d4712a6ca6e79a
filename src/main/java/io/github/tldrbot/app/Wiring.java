package io.github.tldrbot.app;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.poll.CardSink;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.schedule.PollDispatcher;
import io.github.tldrbot.schedule.PollScheduler;
import io.github.tldrbot.schedule.PruneJob;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: the one place that constructs services and connects them. Everything
 * else receives its collaborators in its constructor.
 */
final class Wiring {
    private final BotConfig config;
    private final Clock clock;

    Wiring(BotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    Summarizer summarizer() {
        return new ExtractiveSummarizer(new AudienceClassifier(config.audiences()));
    }

    HttpFeedFetcher fetcher() {
        return new HttpFeedFetcher(config.fetch());
    }

    /**
     * Opens the store, adds the configured feeds, and builds the poll pipeline around {@code sink}.
     * Nothing runs until {@link Bot#start()}.
     */
    Bot bot(CardSink sink) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Database database = Database.open(config.storage());
            opened.add(database);
            FeedStore feeds = new FeedStore(database);
            ArticleStore articles = new ArticleStore(database);
            CardStore cards = new CardStore(database);
            for (FeedEntryConfig entry : config.feeds()) {
                feeds.add(entry.url(), clock.instant(), config.polling().defaultInterval());
            }
            HttpFeedFetcher fetcher = fetcher();
            opened.add(fetcher);
            FeedParser parser = new FeedParser();
            FeedRefresher refresher = new FeedRefresher(fetcher, parser::parse, feeds, articles,
                    new NewArticlePoster(summarizer(), cards, sink, clock),
                    new PollIntervalPolicy(config.polling()), config.polling(), clock);
            PollDispatcher dispatcher = PollDispatcher.forConfig(feeds, refresher, config.fetch(), clock);
            PollScheduler scheduler = new PollScheduler(dispatcher,
                    new PruneJob(articles, config.retention().articles(), clock), config.polling().dispatchEvery());
            return new Bot(scheduler, fetcher, database, feeds);
        } catch (RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The running parts, closed in reverse order of their dependencies. */
    record Bot(PollScheduler scheduler, HttpFeedFetcher fetcher, Database database, FeedStore feeds) implements AutoCloseable {
        void start() {
            scheduler.start();
        }

        @Override
        public void close() {
            try {
                scheduler.close();
            } finally {
                try {
                    fetcher.close();
                } finally {
                    database.close();
                }
            }
        }
    }
}
