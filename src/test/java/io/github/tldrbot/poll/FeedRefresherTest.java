package io.github.tldrbot.poll;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FetchError;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStatus;
import io.github.tldrbot.store.FeedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRefresherTest {
    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final String URL = "https://news.example/feed.xml";
    static final FeedInfo INFO = new FeedInfo(URL, "Example News", "https://news.example/", "rss_2.0", null);
    static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 3);

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ArticleStore articles;
    CardStore cards;
    MutableClock clock = new MutableClock(T0);
    ScriptedFetcher fetcher = new ScriptedFetcher();
    DocumentParser parser = new DocumentParser();
    List<PostedCard> sink = new CopyOnWriteArrayList<>();
    Function<Article, Card> summarize = a -> card(a);
    FeedRefresher refresher;
    long feedId;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("poll.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        Summarizer summarizer = a -> summarize.apply(a);
        refresher = new FeedRefresher(fetcher, parser, feeds, articles,
                new NewArticlePoster(summarizer, cards, sink::add, clock),
                new PollIntervalPolicy(POLLING, () -> 0L), POLLING, clock);
        feedId = feeds.add(URL, T0, POLLING.defaultInterval());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void firstPollSeedsEverythingAndOnlyHandsOverTheNewestAsASeedSample() {
        serve(article("a1", hoursAgo(3)), article("a3", hoursAgo(1)), article("a2", hoursAgo(2)));

        RefreshOutcome outcome = refresh();

        assertThat(outcome).isEqualTo(new RefreshOutcome(feedId, RefreshOutcome.Status.UPDATED, 3, 0));
        assertThat(sink).singleElement().satisfies(card -> {
            assertThat(card.seedSample()).isTrue();
            assertThat(card.article().id()).isEqualTo("a3");
            assertThat(card.feed()).isEqualTo(INFO);
            assertThat(card.card().tldr()).isEqualTo("TLDR a3");
            assertThat(cards.find(card.articleId())).contains(card.card());
        });
        assertThat(articles.listByFeed(feedId, 10)).hasSize(3);
        FeedRecord feed = feed();
        assertThat(feed.seeded()).isTrue();
        assertThat(feed.title()).isEqualTo("Example News");
        assertThat(feed.validators()).isEqualTo(new Validators("\"v1\"", null));
        assertThat(feed.leaseUntil()).isNull();
        assertThat(feed.nextPollAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void onlyArticlesToBePostedGetTheirLanguage() {
        serve(german("g1", hoursAgo(2)), article("a1", hoursAgo(3)));
        refresh();
        assertThat(articles.listByFeed(feedId, 10)).extracting(s -> s.article().id() + "=" + s.article().lang())
                .as("seeding posts nothing, so detects nothing").containsExactlyInAnyOrder("g1=null", "a1=null");

        clock.advance(Duration.ofHours(1));
        serve(german("g3", hoursAgo(1)), german("old", hoursAgo(24 * 4)), german("g1", hoursAgo(2)), article("a1", hoursAgo(3)));
        refresh();
        assertThat(articles.listByFeed(feedId, 10)).extracting(s -> s.article().id() + "=" + s.article().lang())
                .as("the new article to post is detected; the one too old to post, and the known ones, are not")
                .containsExactlyInAnyOrder("g1=null", "a1=null", "g3=de", "old=null");
        assertThat(sink).filteredOn(c -> !c.seedSample()).singleElement()
                .satisfies(c -> assertThat(c.article().lang()).as("the card is made with the language").isEqualTo("de"));
    }

    @Test
    void theFeedsDefaultAudienceReachesTheCard() {
        NewArticlePoster withPrior = new NewArticlePoster(
                new io.github.tldrbot.card.ExtractiveSummarizer(
                        new io.github.tldrbot.card.AudienceClassifier(io.github.tldrbot.card.DefaultAudiences.list())),
                ArticleFullText.NONE, cards, sink::add, clock, id -> id == feedId ? List.of("security") : List.of(),
                AudienceFallback.NONE);
        Article plain = new Article("p1", "p1", "Weekly notes", "https://news.example/p1", hoursAgo(1), null, null,
                List.of(), "Nothing much happened this week.", null, null);
        long stored = articles.insertIfNew(feedId, List.of(plain), T0).get(0).id();

        withPrior.post(feedId, INFO, articles.listByFeed(feedId, 10), false);
        withPrior.post(feedId + 1, INFO, articles.listByFeed(feedId, 10), false);

        assertThat(sink).hasSize(2);
        assertThat(sink.get(0).card().whoShouldCare()).extracting(AudienceRef::id).containsExactly("security");
        assertThat(sink.get(1).card().whoShouldCare()).as("another feed has no default audience").isEmpty();
        assertThat(stored).isPositive();
    }

    @Test
    void aCardWithNoAudienceOfItsOwnGetsItsFeedsTopicFromTheStore() {
        io.github.tldrbot.card.AudienceClassifier classifier =
                new io.github.tldrbot.card.AudienceClassifier(io.github.tldrbot.card.DefaultAudiences.list());
        NewArticlePoster poster = new NewArticlePoster(new io.github.tldrbot.card.ExtractiveSummarizer(classifier),
                ArticleFullText.NONE, cards, sink::add, clock, AudiencePriors.NONE,
                new FeedTopicFallback(new io.github.tldrbot.card.FeedTopic(classifier), articles));
        List<Article> science = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            science.add(new Article("s" + i, "s" + i, "Telescope spots comet " + i, "https://news.example/s" + i,
                    hoursAgo(10 + i), null, null, List.of(), "Astronomers followed the comet past the planet.", null, null));
        }
        articles.insertIfNew(feedId, science, T0);
        Article bare = new Article("b1", "b1", "Differentiating cells", "https://news.example/b1", hoursAgo(1), null,
                null, List.of(), "A short note.", null, null);
        articles.insertIfNew(feedId, List.of(bare), T0);

        poster.post(feedId, INFO, articles.listByFeed(feedId, 1), false);

        assertThat(sink).hasSize(1);
        assertThat(sink.get(0).article().title()).isEqualTo("Differentiating cells");
        assertThat(sink.get(0).card().whoShouldCare()).extracting(AudienceRef::id).containsExactly("science");
        assertThat(cards.find(sink.get(0).articleId()).orElseThrow().whoShouldCare())
                .as("the stored card is the posted one").extracting(AudienceRef::id).containsExactly("science");
    }

    @Test
    void laterPollsPostOnlyNewArticlesOldestFirst() {
        serve(article("a2", hoursAgo(2)), article("a1", hoursAgo(3)));
        refresh();
        sink.clear();

        clock.advance(Duration.ofHours(1));
        serve(article("b2", hoursAgo(0)), article("b1", hoursAgo(1)), article("a2", hoursAgo(3)), article("a1", hoursAgo(4)));
        RefreshOutcome outcome = refresh();

        assertThat(outcome.posted()).isEqualTo(2);
        assertThat(outcome.newArticles()).isEqualTo(2);
        assertThat(sink).extracting(c -> c.article().id()).containsExactly("b1", "b2");
        assertThat(sink).noneMatch(PostedCard::seedSample);
        assertThat(sink).allSatisfy(c -> assertThat(cards.find(c.articleId())).contains(c.card()));
    }

    @Test
    void aReorderedFeedPostsNothing() {
        serve(article("a1", hoursAgo(3)), article("a2", hoursAgo(2)), article("a3", hoursAgo(1)));
        refresh();
        sink.clear();

        serve(article("a3", hoursAgo(1)), article("a1", hoursAgo(3)), article("a2", hoursAgo(2)));
        assertThat(refresh()).isEqualTo(new RefreshOutcome(feedId, RefreshOutcome.Status.UPDATED, 0, 0));
        assertThat(sink).isEmpty();
    }

    @Test
    void undatedNewArticlesArePostedInReverseDocumentOrder() {
        serve(article("old", null));
        refresh();
        sink.clear();

        serve(article("n3", null), article("n2", null), article("n1", null), article("old", null));
        refresh();
        assertThat(sink).extracting(c -> c.article().id()).containsExactly("n1", "n2", "n3");
    }

    @Test
    void articlesOlderThanMaxArticleAgeAreStoredButNotPosted() {
        serve(article("seed", hoursAgo(1)));
        refresh();
        sink.clear();

        serve(article("fresh", hoursAgo(1)), article("stale", T0.minus(Duration.ofDays(5))), article("seed", hoursAgo(1)));
        RefreshOutcome outcome = refresh();

        assertThat(sink).extracting(c -> c.article().id()).containsExactly("fresh");
        assertThat(outcome.newArticles()).isEqualTo(2);
        assertThat(articles.listByFeed(feedId, 10)).extracting(s -> s.article().id()).contains("stale");
    }

    @Test
    void aFloodOfNewIdsPostsOnlyTheNewestFewAndNothingNextTime() {
        serve(article("seed", hoursAgo(60)));
        refresh();
        sink.clear();

        List<Article> flood = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flood.add(article("re-" + i, T0.minus(Duration.ofMinutes(i))));
        }
        serve(flood.toArray(Article[]::new));
        RefreshOutcome outcome = refresh();

        assertThat(outcome.newArticles()).isEqualTo(50);
        assertThat(outcome.posted()).isEqualTo(POLLING.maxPostsPerPoll());
        assertThat(sink).extracting(c -> c.article().id()).containsExactly("re-4", "re-3", "re-2", "re-1", "re-0");
        assertThat(articles.listByFeed(feedId, 100)).hasSize(51);

        sink.clear();
        assertThat(refresh().posted()).isZero();
        assertThat(sink).isEmpty();
    }

    @Test
    void cardsAreMadeOnlyForPostedArticles() {
        AtomicInteger summarized = new AtomicInteger();
        summarize = a -> {
            summarized.incrementAndGet();
            return card(a);
        };
        List<Article> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(article("s" + i, hoursAgo(i)));
        }
        serve(many.toArray(Article[]::new));
        refresh();
        assertThat(summarized).as("only the seed sample").hasValue(1);
    }

    @Test
    void notModifiedParsesNothingAndResetsFailures() {
        serve(article("a1", hoursAgo(1)), article("a2", hoursAgo(2)));
        refresh();
        fetcher.next(url -> new FetchResult.Failed(FetchError.TIMEOUT, "no response within 15s"));
        refresh();
        assertThat(feed().consecutiveFailures()).isEqualTo(1);
        int parses = parser.calls.get();
        sink.clear();

        fetcher.next(url -> new FetchResult.NotModified(new Validators("\"v2\"", null), null));
        clock.advance(Duration.ofMinutes(5));
        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.NOT_MODIFIED);

        assertThat(parser.calls).hasValue(parses);
        assertThat(sink).isEmpty();
        FeedRecord feed = feed();
        assertThat(feed.consecutiveFailures()).isZero();
        assertThat(feed.validators().etag()).isEqualTo("\"v2\"");
        assertThat(feed.nextPollAt()).isEqualTo(clock.instant().plus(feed.pollInterval()));
        assertThat(fetcher.validatorsSent).last().isEqualTo(new Validators("\"v1\"", null));
    }

    @Test
    void failuresBackOffAndDisableTheFeedAfterTheLimit() {
        serve(article("a1", hoursAgo(1)));
        refresh();
        Duration interval = feed().pollInterval();
        fetcher.next(url -> new FetchResult.Failed(FetchError.HTTP_STATUS, "HTTP 500 from news.example"));

        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i < POLLING.maxFailuresBeforeDisable(); i++) {
            assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.FAILED);
            FeedRecord feed = feed();
            assertThat(feed.consecutiveFailures()).isEqualTo(i);
            assertThat(feed.lastError()).contains("HTTP 500");
            assertThat(feed.failingSince()).isEqualTo(T0);
            delays.add(Duration.between(clock.instant(), feed.nextPollAt()));
        }
        assertThat(delays).containsExactly(interval.multipliedBy(2), interval.multipliedBy(4));

        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.DISABLED);
        FeedRecord disabled = feed();
        assertThat(disabled.status()).isEqualTo(FeedStatus.DISABLED);
        assertThat(disabled.disabledReason()).contains("3 consecutive failures").contains("HTTP 500");
        assertThat(feeds.claimDue(T0.plus(Duration.ofDays(30)), Duration.ofMinutes(2), 10)).isEmpty();
    }

    @Test
    void aDocumentThatDoesNotParseCountsAsAFailure() {
        fetcher.next(url -> ok("garbage"));
        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.FAILED);
        FeedRecord feed = feed();
        assertThat(feed.consecutiveFailures()).isEqualTo(1);
        assertThat(feed.lastError()).contains("no such document: garbage");
        assertThat(feed.seeded()).isFalse();
    }

    @Test
    void goneDisablesAtOnce() {
        fetcher.next(url -> new FetchResult.Gone("HTTP 410 from news.example"));
        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.DISABLED);
        assertThat(feed().status()).isEqualTo(FeedStatus.DISABLED);
        assertThat(feed().disabledReason()).contains("410");
    }

    @Test
    void throttlingWaitsForRetryAfterWithoutCountingAFailure() {
        Instant retryAt = T0.plus(Duration.ofHours(3));
        fetcher.next(url -> new FetchResult.Throttled(429, retryAt, "HTTP 429"));
        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.THROTTLED);
        FeedRecord feed = feed();
        assertThat(feed.nextPollAt()).isEqualTo(retryAt);
        assertThat(feed.consecutiveFailures()).isZero();
        assertThat(feed.leaseUntil()).isNull();
    }

    @Test
    void aSummarizerBugSkipsThatArticleAndTheRestStillGoOut() {
        serve(article("a1", hoursAgo(5)));
        refresh();
        sink.clear();
        summarize = a -> {
            if (a.id().equals("bad")) {
                throw new IllegalStateException("summarizer bug");
            }
            return card(a);
        };
        serve(article("good2", hoursAgo(1)), article("bad", hoursAgo(2)), article("good1", hoursAgo(3)), article("a1", hoursAgo(5)));

        RefreshOutcome outcome = refresh();

        assertThat(outcome.status()).isEqualTo(RefreshOutcome.Status.UPDATED);
        assertThat(outcome.posted()).isEqualTo(2);
        assertThat(sink).extracting(c -> c.article().id()).containsExactly("good1", "good2");
        assertThat(feed().consecutiveFailures()).isZero();
    }

    @Test
    void aBugInTheFetcherIsCountedAsAFailureNotThrown() {
        fetcher.next(url -> {
            throw new IllegalStateException("fetcher bug");
        });
        assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.FAILED);
        assertThat(feed().lastError()).contains("internal error").contains("fetcher bug");
        assertThat(feed().leaseUntil()).isNull();
    }

    // --- fixtures ---------------------------------------------------------------------------------

    private RefreshOutcome refresh() {
        return refresher.refresh(feed());
    }

    private FeedRecord feed() {
        return feeds.findById(feedId).orElseThrow();
    }

    private Instant hoursAgo(int hours) {
        return clock.instant().minus(Duration.ofHours(hours));
    }

    /** Serves a 200 whose body names a document of these articles. */
    private void serve(Article... items) {
        String key = "doc-" + parser.documents.size();
        parser.documents.put(key, new ParsedFeed(INFO, List.of(items)));
        fetcher.next(url -> ok(key));
    }

    private static FetchResult ok(String body) {
        return new FetchResult.Ok(URI.create(URL), body.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                new Validators("\"v1\"", null), null);
    }

    static Article article(String id, Instant published) {
        return new Article(id, id, "Title " + id, "https://news.example/" + id, published, null, null,
                List.of(), "Summary " + id, "Body " + id, null);
    }

    static Article german(String id, Instant published) {
        return new Article(id, id, "Stadtrat beschließt neue Radwege " + id, "https://news.example/" + id, published, null,
                null, List.of(), "Der Stadtrat hat am Dienstag beschlossen, zwölf Kilometer geschützte Radwege durch die"
                + " Innenstadt zu bauen.", null, null);
    }

    static Card card(Article a) {
        return new Card("TLDR " + a.id(), null, null, null, List.of(new AudienceRef("developers", "Developers")),
                List.of(), "test");
    }

    /** Answers every fetch with the current script; records the validators it was sent. */
    static final class ScriptedFetcher implements FeedFetcher {
        private volatile Function<URI, FetchResult> script = url -> new FetchResult.Failed(FetchError.UNREACHABLE, "unscripted");
        final List<Validators> validatorsSent = Collections.synchronizedList(new ArrayList<>());

        void next(Function<URI, FetchResult> script) {
            this.script = script;
        }

        @Override
        public FetchResult fetch(URI url, Validators validators) {
            validatorsSent.add(validators);
            return script.apply(url);
        }
    }

    /** Looks the body up as a key among documents the test built. */
    static final class DocumentParser implements FeedDocumentParser {
        final Map<String, ParsedFeed> documents = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
            calls.incrementAndGet();
            String key = new String(body, StandardCharsets.UTF_8);
            ParsedFeed doc = documents.get(key);
            if (doc == null) {
                throw new FeedParseException("no such document: " + key);
            }
            return doc;
        }
    }
}
