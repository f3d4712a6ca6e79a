package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.FetchConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ArticlePageReader} over the real {@link HttpFeedFetcher} against MockWebServer on 127.0.0.1:
 * article pages are fetched under the feed rules, and every failure is a {@link PageText.Missing}.
 */
class ArticlePageReaderTest {

    private static final String UA = "tldr-bot-test/1.0 (+https://example.org/bot)";
    private static final int CAP = 64 * 1024;

    private final MockWebServer server = new MockWebServer();
    private HttpFeedFetcher fetcher;
    private ArticlePageReader reader;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        fetcher = new HttpFeedFetcher(config(Duration.ofSeconds(5), true), Clock.systemUTC());
        reader = new ArticlePageReader(fetcher);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private static FetchConfig config(Duration timeout, boolean allowPrivate) {
        return new FetchConfig(UA, timeout, CAP, 5, 8, 2, allowPrivate);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static MockResponse.Builder html(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body(body);
    }

    @Test
    void htmlPageGivesItsArticleTextAndAsksForHtmlWithTheBotsUserAgent() throws Exception {
        server.enqueue(html(ArticlePages.news()).build());

        PageText text = reader.read(url("/2026/11/tram"));

        assertThat(text).isInstanceOfSatisfying(PageText.Found.class, found -> assertThat(found.text())
                .startsWith(ArticlePages.NEWS_FIRST).endsWith(ArticlePages.NEWS_LAST));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/html, application/xhtml+xml;q=0.9");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo(UA);
        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(request.getHeaders().get("If-None-Match")).isNull();
    }

    @Test
    void relativeLinksResolveAgainstTheUrlAfterRedirects() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved/tram").build());
        server.enqueue(html(ArticlePages.news().replace("https://example.org/tram/events", "../events")).build());

        PageText.Found found = (PageText.Found) reader.read(url("/old/tram"));

        assertThat(found.links()).contains(new ArticleLink("the council's events page", url("/events")));
    }

    @Test
    void nonHtmlIsIgnoredWithoutReadingItsBody() {
        byte[] audio = new byte[4 * 1024 * 1024];
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/mpeg")
                .body(new Buffer().write(audio)).build());

        PageText text = reader.read(url("/episode-12.mp3"));

        assertThat(text).isInstanceOfSatisfying(PageText.Missing.class, missing -> assertThat(missing.reason())
                .startsWith("UNSUPPORTED_TYPE: ").contains("'audio/mpeg', not an HTML page"));
    }

    @Test
    void xhtmlIsHtmlButAMissingContentTypeIsNot() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/xhtml+xml")
                .body(ArticlePages.blog()).build());
        server.enqueue(new MockResponse.Builder().removeHeader("Content-Type").body(ArticlePages.blog()).build());

        assertThat(reader.read(url("/post"))).isInstanceOf(PageText.Found.class);
        assertThat(reader.read(url("/post"))).isInstanceOfSatisfying(PageText.Missing.class,
                missing -> assertThat(missing.reason()).startsWith("UNSUPPORTED_TYPE: ").contains("of no stated type"));
    }

    @Test
    void oversizePageIsCutAtTheCapAndItsBeginningStillRead() {
        String page = ArticlePages.news();
        int insertAt = page.indexOf("<section id=\"comments\"");
        // Far over the cap, after the article: a thread whose last words must never be read.
        String thread = "<div class=\"thread\"><p>A reader's long reply that goes on and on about the tram.</p></div>"
                .repeat(20_000) + "<p>LAST WORDS OF THE PAGE</p>";
        String big = page.substring(0, insertAt) + thread + page.substring(insertAt);
        server.enqueue(html(big).build());

        PageText text = reader.read(url("/big"));

        assertThat(big.length()).isGreaterThan(20 * CAP);
        assertThat(text).isInstanceOfSatisfying(PageText.Found.class, found -> assertThat(found.text())
                .startsWith(ArticlePages.NEWS_FIRST).doesNotContain("LAST WORDS"));
    }

    @Test
    void fetchRefusesOversizeFeedsButCutsPages() {
        String big = "<html><body><p>" + "x".repeat(2 * CAP) + "</p></body></html>";
        server.enqueue(html(big).build());
        server.enqueue(html(big).build());

        assertThat(fetcher.fetch(java.net.URI.create(url("/feed")), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FetchError.TOO_LARGE));
        assertThat(fetcher.fetchPage(java.net.URI.create(url("/page"))))
                .isInstanceOfSatisfying(FetchResult.Ok.class, ok -> assertThat(ok.body()).hasSize(CAP));
    }

    @Test
    void redirectToAPrivateAddressIsRefused() throws Exception {
        // The resolver pretends 127.0.0.1 is public (so the first hop is allowed) and answers 127.0.0.2
        // truthfully, so the real address rule must refuse the redirect hop.
        PublicAddressPolicy policy = new PublicAddressPolicy(host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByName("203.0.113.7")}
                : InetAddress.getAllByName(host));
        try (HttpFeedFetcher strict = new HttpFeedFetcher(config(Duration.ofSeconds(5), false), Clock.systemUTC(), policy)) {
            server.enqueue(new MockResponse.Builder().code(302)
                    .addHeader("Location", "http://127.0.0.2:" + server.getPort() + "/admin").build());

            PageText text = new ArticlePageReader(strict).read(url("/story"));

            assertThat(text).isInstanceOfSatisfying(PageText.Missing.class, missing -> assertThat(missing.reason())
                    .startsWith("PRIVATE_ADDRESS: redirect from " + url("/story") + " to http://127.0.0.2:")
                    .contains("loopback"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void httpErrorsAndTimeoutsAreMissingTextWithStableKeys() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(html(ArticlePages.news()).bodyDelay(3, TimeUnit.SECONDS).build());
        ArticlePageReader impatient;
        try (HttpFeedFetcher quick = new HttpFeedFetcher(config(Duration.ofMillis(500), true), Clock.systemUTC())) {
            impatient = new ArticlePageReader(quick);

            assertThat(reader.read(url("/gone"))).isInstanceOfSatisfying(PageText.Missing.class,
                    missing -> assertThat(missing.reason()).startsWith("HTTP_STATUS: HTTP 404"));
            assertThat(impatient.read(url("/slow"))).isInstanceOfSatisfying(PageText.Missing.class,
                    missing -> assertThat(missing.reason()).startsWith("TIMEOUT: "));
        }
        assertThat(reader.read("http://exa mple.org/ bad")).isInstanceOfSatisfying(PageText.Missing.class,
                missing -> assertThat(missing.reason()).startsWith("INVALID_URL: "));
    }

    @Test
    void pageWithoutArticleTextIsMissing() {
        server.enqueue(html("<html><body><nav><a href=\"/\">Home</a></nav></body></html>").build());

        assertThat(reader.read(url("/empty"))).isInstanceOfSatisfying(PageText.Missing.class,
                missing -> assertThat(missing.reason()).startsWith("NO_TEXT: "));
    }

    @Test
    void charsetOfTheContentTypeHeaderDecodesThePage() {
        String page = "<html><body><article><p>Der Stadtrat hat am Dienstag beschlossen, die Straßenbahn bis zum"
                + " Flughafen zu verlängern. Die Bauarbeiten beginnen im Frühjahr, die ersten Bahnen fahren 2029.</p>"
                + "<p>Die Kosten von 610 Millionen Euro tragen Bund, Land und Stadt gemeinsam; über die Anleihe"
                + " der Stadt entscheidet der Rat im Februar, sagte die Verkehrsdezernentin.</p></article></body></html>";
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=ISO-8859-1")
                .body(new Buffer().write(page.getBytes(Charset.forName("ISO-8859-1")))).build());

        PageText.Found found = (PageText.Found) reader.read(url("/de"));

        assertThat(found.text()).contains("Straßenbahn", "Frühjahr", "über die Anleihe");
    }
}
