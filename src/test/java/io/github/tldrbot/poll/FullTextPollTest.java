package io.github.tldrbot.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.FetchConfig;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.feed.ArticlePageReader;
import io.github.tldrbot.feed.ArticlePages;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PageTextStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaser feeds get the article (issue 9): the whole poll path — real fetcher, parser, SQLite stores
 * and extractive summarizer — against a feed and its article pages on a local HTTP server.
 */
class FullTextPollTest {
    private static final Instant T0 = Instant.parse("2026-11-30T18:00:00Z");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final PollingConfig POLLING = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 3);
    private static final String TEASER = "The council voted for the tram extension. More on our site.";
    private static final String FULL_BODY = "The ferry company announced a new timetable on Monday, with more crossings"
            + " in the morning and fewer late at night. The change follows a survey of 4,000 passengers, most of whom"
            + " travel to work before eight. Tickets bought before the change stay valid until the end of January, and"
            + " season tickets are refunded in part for the weeks of reduced service, the company said in a statement."
            + " The night crossing on Saturdays stays as it is.";

    @TempDir
    Path dir;
    private final Site site = new Site();
    private final MutableClock clock = new MutableClock(T0);
    private final List<Article> summarized = new CopyOnWriteArrayList<>();
    private final List<PostedCard> posted = new CopyOnWriteArrayList<>();
    private volatile FullTextMode mode = FullTextMode.AUTO;
    private Database db;
    private FeedStore feeds;
    private PageTextStore pageTexts;
    private HttpFeedFetcher fetcher;
    private FeedRefresher refresher;

    @BeforeEach
    void setUp() throws IOException {
        site.start();
        db = new Database("jdbc:sqlite:" + dir.resolve("full-text.db"));
        feeds = new FeedStore(db);
        pageTexts = new PageTextStore(db, clock);
        fetcher = new HttpFeedFetcher(new FetchConfig("tldr-bot-test/1.0", Duration.ofSeconds(5), 1024 * 1024, 5, 8, 2, true));
        ExtractiveSummarizer extractive = new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));
        Summarizer recording = article -> {
            summarized.add(article);
            return extractive.summarize(article);
        };
        PageFullText fullText = new PageFullText(new ArticlePageReader(fetcher), pageTexts, (feedId, url) -> mode);
        FeedParser parser = new FeedParser();
        refresher = new FeedRefresher(fetcher, parser::parse, feeds, new ArticleStore(db),
                new NewArticlePoster(recording, fullText, new CardStore(db), posted::add, clock, AudiencePriors.NONE, AudienceFallback.NONE),
                new PollIntervalPolicy(POLLING, () -> 0L), POLLING, clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        fetcher.close();
        db.close();
        site.close();
    }

    private RefreshOutcome poll(String feedPath) {
        long id = feeds.findByUrl(site.url(feedPath)).map(f -> f.id())
                .orElseGet(() -> feeds.add(site.url(feedPath), clock.instant(), POLLING.defaultInterval()));
        return refresher.refresh(feeds.findById(id).orElseThrow());
    }

    /** Seeds the feed (first poll: stores, posts nothing), then adds {@code id} so the next poll posts it. */
    private void seedThenAdd(String feedPath, String id, String title, String body) {
        site.item(feedPath, "old", "An older story", "Stored when the feed was first polled, never posted.");
        assertThat(poll(feedPath).posted()).isZero();
        site.item(feedPath, id, title, body);
    }

    @Test
    void teaserFeedReadsTheArticlePageOnceAndTheCardComesFromIt() {
        site.page("/articles/tram", ArticlePages.news());
        seedThenAdd("/feed.xml", "tram", "Council approves tram line", TEASER);

        RefreshOutcome outcome = poll("/feed.xml");

        assertThat(outcome.posted()).isEqualTo(1);
        assertThat(site.hits("/articles/tram")).isEqualTo(1);
        assertThat(site.hits("/articles/old")).as("seeding reads no pages").isZero();
        Article carded = summarized.get(summarized.size() - 1);
        assertThat(carded.contentText()).startsWith(ArticlePages.NEWS_FIRST).endsWith(ArticlePages.NEWS_LAST);
        assertThat(carded.summary()).isEqualTo(TEASER);
        assertThat(carded.links()).contains(new ArticleLink("the council's events page", "https://example.org/tram/events"));
        Card card = posted.get(posted.size() - 1).card();
        assertThat(card.tldr()).doesNotContain("More on our site").contains("tram");
        assertThat(posted.get(posted.size() - 1).article().contentText()).startsWith(ArticlePages.NEWS_FIRST);
        assertThat(pageTexts.find(site.url("/articles/tram"))).containsInstanceOf(PageText.Found.class);
    }

    @Test
    void theSameArticleAgainComesFromTheCacheWithoutASecondRequest() {
        site.page("/articles/tram", ArticlePages.news());
        seedThenAdd("/feed.xml", "tram", "Council approves tram line", TEASER);
        poll("/feed.xml");
        // A second feed (an aggregator, say) carries the same article later.
        seedThenAdd("/other.xml", "tram", "Tram line approved", "Tram line approved.");

        RefreshOutcome outcome = poll("/other.xml");

        assertThat(outcome.posted()).isEqualTo(1);
        assertThat(site.hits("/articles/tram")).isEqualTo(1);
        assertThat(summarized.get(summarized.size() - 1).contentText()).startsWith(ArticlePages.NEWS_FIRST);
    }

    @Test
    void neverReadsNoPage() {
        mode = FullTextMode.NEVER;
        site.page("/articles/tram", ArticlePages.news());
        seedThenAdd("/feed.xml", "tram", "Council approves tram line", TEASER);

        assertThat(poll("/feed.xml").posted()).isEqualTo(1);

        assertThat(site.hits("/articles/tram")).isZero();
        assertThat(summarized.get(summarized.size() - 1).contentText()).isEqualTo(TEASER);
    }

    @Test
    void autoLeavesAFullBodyAloneButAlwaysReadsThePageAnyway() {
        site.page("/articles/ferry", ArticlePages.news());
        site.page("/articles/ferry-2", ArticlePages.blog());
        seedThenAdd("/feed.xml", "ferry", "New ferry timetable", FULL_BODY);

        assertThat(poll("/feed.xml").posted()).isEqualTo(1);
        assertThat(site.hits("/articles/ferry")).isZero();
        assertThat(summarized.get(summarized.size() - 1).contentText()).isEqualTo(FULL_BODY);

        mode = FullTextMode.ALWAYS;
        site.item("/feed.xml", "ferry-2", "Ferry timetable, part two", FULL_BODY);
        clock.advance(Duration.ofMinutes(20));
        assertThat(poll("/feed.xml").posted()).isEqualTo(1);
        assertThat(site.hits("/articles/ferry-2")).isEqualTo(1);
        assertThat(summarized.get(summarized.size() - 1).contentText())
                .startsWith("For three years our continuous integration build cache");
    }

    @Test
    void aPageThatFailsLeavesTheFeedsTextAndThePollSucceedsAndIsNotFetchedAgain() {
        site.page("/articles/gone", null); // 404
        site.raw("/articles/audio", new MockResponse.Builder().addHeader("Content-Type", "audio/mpeg").body("ID3...").build());
        seedThenAdd("/feed.xml", "gone", "A story whose page is gone", TEASER);
        site.item("/feed.xml", "audio", "Episode 12", "Episode 12 of our podcast.");

        RefreshOutcome outcome = poll("/feed.xml");

        assertThat(outcome.status()).isEqualTo(RefreshOutcome.Status.UPDATED);
        assertThat(outcome.posted()).isEqualTo(2);
        assertThat(summarized).extracting(Article::contentText).contains(TEASER, "Episode 12 of our podcast.");
        assertThat(pageTexts.find(site.url("/articles/gone"))).hasValueSatisfying(page ->
                assertThat(((PageText.Missing) page).reason()).startsWith("HTTP_STATUS: HTTP 404"));
        assertThat(pageTexts.find(site.url("/articles/audio"))).hasValueSatisfying(page ->
                assertThat(((PageText.Missing) page).reason()).startsWith("UNSUPPORTED_TYPE: "));

        seedThenAdd("/again.xml", "gone", "The same story elsewhere", TEASER);
        poll("/again.xml");
        assertThat(site.hits("/articles/gone")).isEqualTo(1);
    }

    @Test
    void aPageShorterThanTheFeedsTextDoesNotReplaceIt() {
        mode = FullTextMode.ALWAYS;
        site.page("/articles/ferry", "<html><head><meta property=\"og:description\" content=\"Ferry news.\"></head>"
                + "<body><p>Subscribe to read.</p></body></html>");
        seedThenAdd("/feed.xml", "ferry", "New ferry timetable", FULL_BODY);

        poll("/feed.xml");

        assertThat(site.hits("/articles/ferry")).isEqualTo(1);
        assertThat(summarized.get(summarized.size() - 1).contentText()).isEqualTo(FULL_BODY);
    }

    /** One local server: feeds by path (items added by the test) and article pages, with hit counts. */
    private static final class Site implements AutoCloseable {
        private final MockWebServer server = new MockWebServer();
        private final Map<String, List<String[]>> feeds = new ConcurrentHashMap<>();
        private final Map<String, MockResponse> pages = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

        void start() throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    if (feeds.containsKey(path)) {
                        return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                                .body(document(path)).build();
                    }
                    MockResponse page = pages.get(path);
                    return page != null ? page : new MockResponse.Builder().code(404).build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        }

        String url(String path) {
            return server.url(path).toString();
        }

        /** Adds an item to the feed at {@code feedPath}; its link is {@code /articles/<id>} on this server. */
        void item(String feedPath, String id, String title, String body) {
            feeds.computeIfAbsent(feedPath, p -> new CopyOnWriteArrayList<>()).add(new String[] {id, title, body});
        }

        /** Serves {@code html} at {@code path}; null serves 404. */
        void page(String path, String html) {
            if (html != null) {
                raw(path, new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body(html).build());
            }
        }

        void raw(String path, MockResponse response) {
            pages.put(path, response);
        }

        int hits(String path) {
            AtomicInteger n = hits.get(path);
            return n == null ? 0 : n.get();
        }

        private String document(String feedPath) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                    + "<title>Harbour Times</title><link>" + url("/") + "</link>");
            List<String[]> items = new ArrayList<>(feeds.get(feedPath));
            for (int i = items.size() - 1; i >= 0; i--) {
                String[] item = items.get(i);
                xml.append("<item><title>").append(item[1]).append("</title><link>").append(url("/articles/" + item[0]))
                        .append("</link><guid>").append(feedPath).append('/').append(item[0]).append("</guid><pubDate>")
                        .append(RFC_1123.format(T0.minus(Duration.ofHours(items.size() - i)))).append("</pubDate>")
                        .append("<description>").append(item[2]).append("</description></item>");
            }
            return xml.append("</channel></rss>").toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
