package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.KnownEntries;
import io.github.tldrbot.feed.KnownEntry;
import io.github.tldrbot.feed.ParsedFeed;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller normalises only the entries of a changed document that the feed does not hold yet
 * (issue 11 item 7): the real parser and SQLite store, documents as XML. What is stored, posted and
 * scheduled is what parsing every entry gave.
 */
class KnownEntriesPollTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final String URL = "https://news.example/feed.xml";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ArticleStore articles;
    MutableClock clock = new MutableClock(T0);
    FeedRefresherTest.ScriptedFetcher fetcher = new FeedRefresherTest.ScriptedFetcher();
    FeedParser feedParser = new FeedParser(ArticleLanguage.NONE);
    List<ParsedFeed> parsed = new CopyOnWriteArrayList<>();
    List<PostedCard> sink = new CopyOnWriteArrayList<>();
    FeedRefresher refresher;
    long feedId;

    @BeforeEach
    void setUp() {
        db = new Database("jdbc:sqlite:" + dir.resolve("poll.db"));
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        FeedDocumentParser real = FeedDocumentParser.skippingKnown(feedParser);
        FeedDocumentParser recording = new FeedDocumentParser() {
            @Override
            public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
                return record(real.parse(body, contentType, baseUrl));
            }

            @Override
            public ParsedFeed parse(byte[] body, String contentType, String baseUrl, KnownEntries held)
                    throws FeedParseException {
                return record(real.parse(body, contentType, baseUrl, held));
            }
        };
        refresher = new FeedRefresher(fetcher, recording, feeds, articles,
                new NewArticlePoster(FeedRefresherTest::card, new CardStore(db), sink::add, clock),
                new PollIntervalPolicy(FeedRefresherTest.POLLING, () -> 0L), FeedRefresherTest.POLLING, clock,
                ArticleLanguage.NONE);
        feedId = feeds.add(URL, T0, FeedRefresherTest.POLLING.defaultInterval());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aChangedDocumentNormalisesOnlyItsNewEntriesAndStoresAndPostsThem() throws Exception {
        String a = item("guid", "A", 5);
        String b = item("guid", "B", 4);
        String c = item("guid", "C", 3);
        poll(a + b + c);
        assertThat(parsed.get(0).articles()).as("seeding holds nothing yet").hasSize(3);

        clock.advance(Duration.ofHours(1));
        String d = item("guid", "D", 0);
        poll(d + a + b + c);

        assertThat(parsed.get(1).articles()).extracting(Article::id).containsExactly("guid:D");
        assertThat(parsed.get(1).known()).extracting(KnownEntry::id).containsExactly("guid:A", "guid:B", "guid:C");
        assertThat(parsed.get(1).articles().get(0))
                .isEqualTo(feedParser.parse(doc(d + a + b + c), null, URL).articles().get(0));
        assertThat(articles.listByFeed(feedId, 10)).extracting(s -> s.article().id())
                .containsExactlyInAnyOrder("guid:A", "guid:B", "guid:C", "guid:D");
        assertThat(sink).filteredOn(p -> !p.seedSample()).extracting(p -> p.article().id()).containsExactly("guid:D");
    }

    @Test
    void entriesIdentifiedByLinkOrHashAreToldApartExactlyAsBefore() throws Exception {
        String sharedGuid1 = item("same", "Shared one", 6).replace("<link>https://news.example/Shared one</link>",
                "<link>https://news.example/s1</link>");
        String sharedGuid2 = item("same", "Shared two", 5).replace("<link>https://news.example/Shared two</link>",
                "<link>https://news.example/s2</link>");
        String noLink = "<item><title>No link</title><description>just words</description>"
                + "<pubDate>" + RFC_1123.format(T0.minus(Duration.ofHours(4))) + "</pubDate></item>";
        poll(sharedGuid1 + sharedGuid2 + noLink);

        clock.advance(Duration.ofHours(1));
        String another = "<item><title>Another without link</title><description>other words</description>"
                + "<pubDate>" + RFC_1123.format(clock.instant()) + "</pubDate></item>";
        String all = another + sharedGuid1 + sharedGuid2 + noLink;
        poll(all);

        List<String> fullIds = feedParser.parse(doc(all), null, URL).articles().stream().map(Article::id).toList();
        assertThat(articles.listByFeed(feedId, 10)).extracting(s -> s.article().id())
                .containsExactlyInAnyOrderElementsOf(fullIds);
        assertThat(parsed.get(1).articles()).extracting(Article::id).containsExactly(fullIds.get(0));
        assertThat(sink).filteredOn(p -> !p.seedSample()).extracting(p -> p.article().title())
                .containsExactly("Another without link");
    }

    @Test
    void theAdaptiveIntervalStillReadsTheDatesOfHeldEntries() throws Exception {
        // one entry every 3 hours: held entries carry the dates that give the 3 h interval
        String entries = item("guid", "A", 9) + item("guid", "B", 6) + item("guid", "C", 3);
        poll(entries);
        clock.advance(Duration.ofMinutes(30));
        String all = item("guid", "D", 0) + entries;
        poll(all);

        Duration expected = new PollIntervalPolicy(FeedRefresherTest.POLLING, () -> 0L)
                .adaptiveInterval(feedParser.parse(doc(all), null, URL).articles(), clock.instant(),
                        FeedRefresherTest.POLLING.defaultInterval());
        assertThat(parsed.get(1).articles()).hasSize(1);
        assertThat(expected).isEqualTo(Duration.ofHours(3));
        assertThat(feeds.findById(feedId).orElseThrow().pollInterval()).isEqualTo(expected);
    }

    private ParsedFeed record(ParsedFeed feed) {
        parsed.add(feed);
        return feed;
    }

    private void poll(String items) {
        byte[] body = doc(items);
        fetcher.next(url -> new FetchResult.Ok(URI.create(URL), body, "application/rss+xml",
                new Validators("\"v" + parsed.size() + "\"", null), null));
        refresher.refresh(feeds.findById(feedId).orElseThrow());
    }

    /** An item published {@code hoursAgo} before the clock's now, with an HTML description. */
    private String item(String guidKind, String name, int hoursAgo) {
        String guid = guidKind.equals("guid") ? name : guidKind;
        return "<item><title>" + name + " happened</title><link>https://news.example/" + name + "</link>"
                + "<guid isPermaLink=\"false\">" + guid + "</guid>"
                + "<pubDate>" + RFC_1123.format(clock.instant().minus(Duration.ofHours(hoursAgo))) + "</pubDate>"
                + "<description>&lt;p&gt;What &lt;b&gt;" + name + "&lt;/b&gt; did, and why.&lt;/p&gt;</description></item>";
    }

    private static byte[] doc(String items) {
        return ("<rss version=\"2.0\"><channel><title>News</title><link>https://news.example/</link>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
