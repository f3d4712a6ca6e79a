package io.github.tldrbot.app;

import io.github.tldrbot.websub.WebSub;

import java.util.Optional;

import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.delivery.DeliveryWorker;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.poll.PendingPostRecovery;
import io.github.tldrbot.schedule.PollCycleSummary;
import io.github.tldrbot.schedule.PollScheduler;
import io.github.tldrbot.llm.OpenAiSummarizer;
import io.github.tldrbot.observe.BotMetrics;
import java.util.Deque;

/**
 * The running parts. Closed in reverse order of construction: the scheduler stops polling
 * (waiting for polls in flight), the delivery worker finishes or safely abandons its sends,
 * then the fetcher and the store close.
 */
final class Bot implements AutoCloseable {
    private final Deque<AutoCloseable> parts;
    private final PendingPostRecovery recovery;
    private final Stores stores;
    private final HttpFeedFetcher fetcher;
    private final FeedParser parser;
    private final Summarizer summarizer;

    Bot(Deque<AutoCloseable> parts, PendingPostRecovery recovery, Stores stores, HttpFeedFetcher fetcher,
                FeedParser parser, Summarizer summarizer) {
        this.parts = parts;
        this.recovery = recovery;
        this.stores = stores;
        this.fetcher = fetcher;
        this.parser = parser;
        this.summarizer = summarizer;
    }

    /** The summarizer the poller uses (commands that show cards use the same one, cache included). */
    Summarizer summarizer() {
        return summarizer;
    }

    HttpFeedFetcher fetcher() {
        return fetcher;
    }

    FeedParser parser() {
        return parser;
    }

    /** Closed first at shutdown (before the scheduler and the worker), e.g. the command router. */
    void closeFirst(AutoCloseable part) {
        parts.push(part);
    }

    /** Re-posts what a crash left half done, then starts delivering and polling. */
    void start() {
        recovery.run();
        stores.worker.ifPresent(DeliveryWorker::start);
        for (AutoCloseable part : parts) {
            if (part instanceof PollScheduler scheduler) {
                scheduler.start();
            }
        }
        webSub().ifPresent(WebSub::start);
    }

    /** The WebSub subscriber, when {@code server.publicUrl} is set. */
    Optional<WebSub> webSub() {
        for (AutoCloseable part : parts) {
            if (part instanceof WebSub webSub) {
                return Optional.of(webSub);
            }
        }
        return Optional.empty();
    }

    /** Reports polls, deliveries and model cards to {@code metrics} from now on. */
    void reportTo(BotMetrics metrics) {
        for (AutoCloseable part : parts) {
            if (part instanceof PollScheduler scheduler) {
                scheduler.reportTo(metrics::pollCycle);
            }
        }
        stores.worker.ifPresent(worker -> worker.reportTo(metrics));
        if (summarizer instanceof OpenAiSummarizer model) {
            model.reportTo(metrics);
        }
    }

    Stores stores() {
        return stores;
    }

    /** One dispatch cycle now, on the calling thread, whether or not polling was started (benchmarks). */
    PollCycleSummary pollOnce() {
        for (AutoCloseable part : parts) {
            if (part instanceof PollScheduler scheduler) {
                return scheduler.runOnce();
            }
        }
        throw new IllegalStateException("no poll scheduler");
    }

    @Override
    public void close() {
        Wiring.closeAll(parts, null);
    }
}
