package io.github.tldrbot.poll;

import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.DeferredWrites;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.SuccessfulPoll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Records a successful fetch of a feed document, and seeds a new feed (SPEC §4.4): every article
 * stored as seen, none posted, the feed marked seeded with its validators, title and link. The one
 * place that writes a success, so the poller ({@link FeedRefresher}) and {@code /feed add} (which
 * has already fetched the document to validate it) seed a feed the same way.
 */
public final class FeedSeeder {
    private final FeedStore feeds;
    private final ArticleStore articles;
    private final PollIntervalPolicy schedule;
    private final Clock clock;

    public FeedSeeder(FeedStore feeds, ArticleStore articles, PollIntervalPolicy schedule, Clock clock) {
        this.feeds = feeds;
        this.articles = articles;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Seeds the feed from a document fetched outside the poller: stores all its articles without
     * marking any for posting and records the poll as a success, so the next poll only posts
     * articles that appear after now.
     *
     * @return the articles that were new to the store
     */
    public List<StoredArticle> seed(long feedId, FetchResult.Ok ok, ParsedFeed parsed, Duration currentInterval) {
        Instant now = clock.instant();
        List<StoredArticle> fresh = articles.insertIfNew(feedId, parsed.articles(), now);
        recordSuccess(feedId, ok, parsed, now, currentInterval);
        return fresh;
    }

    /** Writes a 200-that-parsed: validators, feed facts, the adapted interval and the next poll time. */
    void recordSuccess(long feedId, FetchResult.Ok ok, ParsedFeed parsed, Instant now, Duration currentInterval) {
        recordSuccess(feedId, ok, parsed, now, currentInterval, null);
    }

    /** @param later gathers the write for a later flush; null writes it now */
    void recordSuccess(long feedId, FetchResult.Ok ok, ParsedFeed parsed, Instant now, Duration currentInterval,
                       DeferredWrites later) {
        Duration interval = schedule.adaptiveIntervalOf(parsed.entryDates(), now, currentInterval);
        Instant next = schedule.nextPoll(now, interval, ok.freshUntil(), parsed.feed().ttl());
        Validators validators = ok.validators() == null ? Validators.NONE : ok.validators();
        SuccessfulPoll poll = new SuccessfulPoll(now, validators, parsed.feed().title(), parsed.feed().link(), interval, next);
        if (later != null) {
            later.recordSuccess(feedId, poll);
        } else {
            feeds.recordSuccess(feedId, poll);
        }
    }
}
