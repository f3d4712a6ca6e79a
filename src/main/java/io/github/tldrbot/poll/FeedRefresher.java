package io.github.tldrbot.poll;

import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.HubLinks;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.DeferredWrites;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.NewArticles;
import io.github.tldrbot.store.PostChooser;
import io.github.tldrbot.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Polls one claimed feed, start to finish: fetch → parse → language of new articles → store new
 * articles → choose what to post
 * → card and post them → record the result and the next poll time (SPEC §4.3, §4.4).
 *
 * <p>The first successful poll of a feed (not yet seeded) stores every article and posts none; it
 * hands the sink only the newest article's card marked as a seed sample (when the sink shows seed
 * samples at all: Discord delivery does not, so no card is made). Only articles that will be posted
 * (and the seed sample) get their language detected. Failures back off and
 * disable the feed after {@code maxFailuresBeforeDisable} in a row; 410 disables at once; 429/503 is
 * not a failure (the server is alive and asked us to wait), only a later next poll.
 *
 * <p>The articles chosen for posting are marked pending in the same transaction that stores them
 * and cleared one by one as their cards reach the sink; {@link PendingPostRecovery} re-posts the
 * ones a crash left pending.
 *
 * <p>{@link #refresh} never throws: a bug triggered by one feed is logged and counted as that feed's
 * failure, so it cannot stop the dispatcher.
 */
public final class FeedRefresher {
    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);

    private final FeedFetcher fetcher;
    private final FeedDocumentParser parser;
    private final FeedStore feeds;
    private final ArticleStore articles;
    private final NewArticlePoster poster;
    private final PollIntervalPolicy schedule;
    private final PostSelector selector;
    private final int maxFailuresBeforeDisable;
    private final Clock clock;
    private final FeedSeeder successes; // writes successes the same way seeding by /feed add does
    private final NewArticleLanguages languages;

    private final StoryAssignment stories;
    private final DeferredWrites later;
    private volatile HubWatcher hubs = HubWatcher.NONE;

    public FeedRefresher(FeedFetcher fetcher, FeedDocumentParser parser, FeedStore feeds, ArticleStore articles,
                         NewArticlePoster poster, PollIntervalPolicy schedule, PollingConfig config, Clock clock) {
        this(fetcher, parser, feeds, articles, poster, schedule, config, clock, new ArticleLanguage());
    }

    /**
     * @param languages detects the language of new articles that the parser left without one (pass
     *                  {@link ArticleLanguage#NONE} to store them without)
     */
    public FeedRefresher(FeedFetcher fetcher, FeedDocumentParser parser, FeedStore feeds, ArticleStore articles,
                         NewArticlePoster poster, PollIntervalPolicy schedule, PollingConfig config, Clock clock,
                         ArticleLanguage languages) {
        this(fetcher, parser, feeds, articles, poster, schedule, config, clock, languages, StoryAssignment.NONE);
    }

    /** @param stories gives new articles their story before any is posted */
    public FeedRefresher(FeedFetcher fetcher, FeedDocumentParser parser, FeedStore feeds, ArticleStore articles,
                         NewArticlePoster poster, PollIntervalPolicy schedule, PollingConfig config, Clock clock,
                         ArticleLanguage languages, StoryAssignment stories) {
        this(fetcher, parser, feeds, articles, poster, schedule, config, clock, languages, stories, null);
    }

    /**
     * @param later gathers the state a poll writes that may be lost in a crash (a 304's or a 200's feed
     *              row, "reached the sink" marks) until {@link #flushDeferred()}; null writes it at once
     */
    public FeedRefresher(FeedFetcher fetcher, FeedDocumentParser parser, FeedStore feeds, ArticleStore articles,
                         NewArticlePoster poster, PollIntervalPolicy schedule, PollingConfig config, Clock clock,
                         ArticleLanguage languages, StoryAssignment stories, DeferredWrites later) {
        this.later = later;
        this.stories = stories;
        this.languages = new NewArticleLanguages(articles, languages);
        this.fetcher = fetcher;
        this.parser = parser;
        this.feeds = feeds;
        this.articles = articles;
        this.poster = poster;
        this.schedule = schedule;
        this.selector = new PostSelector(config.maxArticleAge(), config.maxPostsPerPoll());
        this.maxFailuresBeforeDisable = config.maxFailuresBeforeDisable();
        this.clock = clock;
        this.successes = new FeedSeeder(feeds, articles, schedule, clock);
    }

    /** Polls the feed once and records the outcome; never throws. */
    public RefreshOutcome refresh(FeedRecord feed) {
        Instant now = clock.instant();
        try {
            FetchResult result = fetcher.fetch(URI.create(feed.url()), feed.validators());
            if (result instanceof FetchResult.Ok ok) {
                return onDocument(feed, ok, now);
            } else if (result instanceof FetchResult.NotModified notModified) {
                Instant next = schedule.nextPoll(now, feed.pollInterval(), notModified.freshUntil(), null);
                if (later != null) {
                    later.recordNotModified(feed.id(), now, notModified.validators(), next);
                } else {
                    feeds.recordNotModified(feed.id(), now, notModified.validators(), next);
                }
                return RefreshOutcome.of(feed.id(), RefreshOutcome.Status.NOT_MODIFIED);
            } else if (result instanceof FetchResult.Gone gone) {
                return disable(feed, "the server says the feed is gone (HTTP 410): " + gone.message()
                        + "; remove it or re-add its new address");
            } else if (result instanceof FetchResult.Throttled throttled) {
                return onThrottled(feed, throttled, now);
            } else {
                FetchResult.Failed failed = (FetchResult.Failed) result;
                return onFailure(feed, now, failed.kind() + ": " + failed.message(), null);
            }
        } catch (RuntimeException e) {
            return onFailure(feed, now, "internal error: " + e, e);
        }
    }

    /** Tells {@code watcher} the WebSub links of every document read from now on. */
    public void watchHubs(HubWatcher watcher) {
        this.hubs = watcher;
    }

    /**
     * Handles content a WebSub hub pushed for a feed the caller has claimed, exactly like a 200 poll
     * result (SPEC §4.3): parsed, new articles stored and posted, the feed's next poll rescheduled
     * from it. The feed keeps its HTTP validators, since the push did not come from the feed's server.
     * Never throws; a push that does not parse counts as the feed's failure, as a poll would.
     */
    public RefreshOutcome ingestPushed(FeedRecord feed, byte[] body, String contentType) {
        Instant now = clock.instant();
        try {
            return onDocument(feed, new FetchResult.Ok(URI.create(feed.url()), body, contentType, feed.validators(), null), now);
        } catch (RuntimeException e) {
            return onFailure(feed, now, "internal error: " + e, e);
        }
    }

    private RefreshOutcome onDocument(FeedRecord feed, FetchResult.Ok ok, Instant now) {
        ParsedFeed parsed;
        // entries the feed already holds are not normalised (most of a changed document), nor stored again
        StoredIdentities held = new StoredIdentities(articles, feed.id());
        try {
            parsed = parser.parse(ok.body(), ok.contentType(), ok.finalUrl().toString(), held);
        } catch (FeedParseException e) {
            return onFailure(feed, now, "not a readable feed: " + e.getMessage(), null);
        }
        // The articles to post are chosen and marked pending in the insert's transaction, so a crash
        // before their cards reach the sink leaves them for PendingPostRecovery instead of losing them.
        PostChooser chooser = new PollChooser(selector, feed.seeded(), now);
        NewArticles stored = articles.insertIfNew(feed.id(),
                languages.detect(feed.id(), parsed.articles(), now, chooser, held), now, chooser);
        List<StoredArticle> fresh = stored.fresh();
        stories.assign(fresh);

        successes.recordSuccess(feed.id(), ok, parsed, now, feed.pollInterval(), later);
        HubLinks links = ok.linkHeaders().or(parsed.feed().hubs());
        if (links.advertised()) {
            try {
                hubs.seen(feed.id(), links, ok.finalUrl().toString());
            } catch (RuntimeException e) {
                log.warn("websub discovery failed: feed={} url={} error={}", feed.id(), feed.url(), e.toString());
            }
        }

        if (!feed.seeded()) {
            if (poster.wantsSeedSample()) {
                List<StoredArticle> sample = selector.newest(fresh).stream()
                        .map(s -> new StoredArticle(s.id(), s.feedId(), languages.detect(s.article()), s.firstSeenAt(), s.storyId()))
                        .toList();
                poster.post(feed.id(), parsed.feed(), sample, true);
            }
            return new RefreshOutcome(feed.id(), RefreshOutcome.Status.UPDATED, fresh.size(), 0);
        }
        int posted = poster.post(feed.id(), parsed.feed(), stored.toPost(), false,
                later != null ? later::markPosted : articles::markPosted);
        return new RefreshOutcome(feed.id(), RefreshOutcome.Status.UPDATED, fresh.size(), posted);
    }

    /** Writes what {@link #refresh} gathered (the dispatcher calls this after every batch). */
    public void flushDeferred() {
        if (later != null) {
            later.flush();
        }
    }

    private RefreshOutcome onThrottled(FeedRecord feed, FetchResult.Throttled throttled, Instant now) {
        Instant next = schedule.afterThrottle(now, feed.pollInterval(), throttled.retryAt());
        feeds.recordDeferred(feed.id(), now, next);
        log.info("feed throttled by server: feed={} url={} status={} next_poll={}", feed.id(), feed.url(), throttled.status(), next);
        return RefreshOutcome.of(feed.id(), RefreshOutcome.Status.THROTTLED);
    }

    /**
     * Counts a failure, backs off, and disables the feed once failures reach the limit. Logs one
     * WARN line, with the stack trace only when {@code bug} is set (an unexpected exception). Never throws.
     */
    private RefreshOutcome onFailure(FeedRecord feed, Instant now, String error, RuntimeException bug) {
        try {
            int failures = feed.consecutiveFailures() + 1;
            Instant next = schedule.afterFailure(now, feed.pollInterval(), failures);
            failures = feeds.recordFailure(feed.id(), now, error, next);
            if (bug == null) {
                log.warn("feed poll failed: feed={} url={} failures={} next_poll={} error={}", feed.id(), feed.url(), failures, next, error);
            } else {
                log.warn("feed poll failed: feed={} url={} failures={} next_poll={} error={}", feed.id(), feed.url(), failures, next, error, bug);
            }
            if (failures >= maxFailuresBeforeDisable) {
                return disable(feed, "disabled after " + failures + " consecutive failures; last error: " + error);
            }
        } catch (RuntimeException e) {
            log.warn("recording feed failure failed: feed={} url={} error={} store_error={}", feed.id(), feed.url(), error, e.toString());
        }
        return RefreshOutcome.of(feed.id(), RefreshOutcome.Status.FAILED);
    }

    private RefreshOutcome disable(FeedRecord feed, String reason) {
        feeds.disable(feed.id(), reason);
        log.warn("feed disabled: feed={} url={} reason={}", feed.id(), feed.url(), reason);
        return RefreshOutcome.of(feed.id(), RefreshOutcome.Status.DISABLED);
    }
}
