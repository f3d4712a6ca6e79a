package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.FetchConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ordinary HTTP behaviour of {@link HttpFeedFetcher}, against MockWebServer on 127.0.0.1. */
class HttpFeedFetcherTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    private final MockWebServer server = new MockWebServer();
    private HttpFeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        fetcher = new HttpFeedFetcher(config(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    static FetchConfig config(int maxRedirects) {
        return new FetchConfig("tldr-bot-test/1.0 (+https://example.org/bot)", Duration.ofSeconds(5), 1024 * 1024,
                maxRedirects, 8, 2, true);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached the server").isNotNull();
        return request;
    }

    @Test
    void sendsUserAgentAcceptAndConditionalHeadersAndKeepsValidatorsOn304() throws Exception {
        server.enqueue(new MockResponse.Builder().code(304).build());
        Validators sent = new Validators("\"v1\"", "Fri, 27 Nov 2026 08:00:00 GMT");

        FetchResult result = fetcher.fetch(url("/feed"), sent);

        assertThat(result).isEqualTo(new FetchResult.NotModified(sent, null));
        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("Fri, 27 Nov 2026 08:00:00 GMT");
        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("tldr-bot-test/1.0 (+https://example.org/bot)");
        assertThat(request.getHeaders().get("Accept"))
                .contains("application/rss+xml", "application/atom+xml", "text/xml", "*/*;q=0.1");
    }

    @Test
    void notModifiedTakesNewValidatorsWhenTheServerSendsThem() {
        server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", "\"v2\"")
                .addHeader("Cache-Control", "max-age=600").build());

        FetchResult result = fetcher.fetch(url("/feed"), new Validators("\"v1\"", "Fri, 27 Nov 2026 08:00:00 GMT"));

        assertThat(result).isEqualTo(new FetchResult.NotModified(
                new Validators("\"v2\"", "Fri, 27 Nov 2026 08:00:00 GMT"), NOW.plusSeconds(600)));
    }

    @Test
    void okCarriesBodyContentTypeValidatorsAndNoConditionalHeadersWhenNoneKnown() throws Exception {
        server.enqueue(new MockResponse.Builder().body(FEED)
                .addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .addHeader("ETag", "W/\"abc\"")
                .addHeader("Last-Modified", "Sat, 28 Nov 2026 09:00:00 GMT").build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Ok.class);
        FetchResult.Ok ok = (FetchResult.Ok) result;
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(ok.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(ok.validators()).isEqualTo(new Validators("W/\"abc\"", "Sat, 28 Nov 2026 09:00:00 GMT"));
        assertThat(ok.finalUrl()).isEqualTo(url("/feed"));
        assertThat(ok.freshUntil()).isNull();
        RecordedRequest request = takeRequest();
        assertThat(request.getHeaders().get("If-None-Match")).isNull();
        assertThat(request.getHeaders().get("If-Modified-Since")).isNull();
    }

    @Test
    void retryAfterInSecondsOn429() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Throttled(429, NOW.plusSeconds(120),
                "HTTP 429 Too Many Requests from " + url("/feed")));
    }

    @Test
    void retryAfterAsHttpDateOn503() {
        server.enqueue(new MockResponse.Builder().code(503)
                .addHeader("Retry-After", "Sat, 28 Nov 2026 11:30:00 GMT").build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Throttled(503, Instant.parse("2026-11-28T11:30:00Z"),
                "HTTP 503 Service Unavailable from " + url("/feed")));
    }

    @Test
    void retryAfterAsSecondsOn503AndDateOn429() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "30").build());
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "Sun, 29 Nov 2026 00:00:00 GMT").build());

        assertThat(fetcher.fetch(url("/feed"), Validators.NONE))
                .isEqualTo(new FetchResult.Throttled(503, NOW.plusSeconds(30),
                        "HTTP 503 Service Unavailable from " + url("/feed")));
        assertThat(fetcher.fetch(url("/feed"), Validators.NONE))
                .isEqualTo(new FetchResult.Throttled(429, Instant.parse("2026-11-29T00:00:00Z"),
                        "HTTP 429 Too Many Requests from " + url("/feed")));
    }

    @Test
    void throttledWithoutRetryAfterHasNoRetryTime() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Throttled.class,
                throttled -> assertThat(throttled.retryAt()).isNull());
    }

    @Test
    void goneOn410() {
        server.enqueue(new MockResponse.Builder().code(410).body("gone").build());

        assertThat(fetcher.fetch(url("/feed"), Validators.NONE))
                .isEqualTo(new FetchResult.Gone("HTTP 410 Gone from " + url("/feed")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 404, 403, 401, 502})
    void otherErrorStatusesAreHttpStatusFailures(int status) {
        server.enqueue(new MockResponse.Builder().code(status).body("nope").build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FetchError.HTTP_STATUS);
            assertThat(failed.message()).startsWith("HTTP " + status + " ").endsWith(" from " + url("/feed"));
        });
    }

    @Test
    void internalServerErrorMessageIsOneReadableLine() {
        server.enqueue(new MockResponse.Builder().code(500).build());

        assertThat(fetcher.fetch(url("/feed"), Validators.NONE)).isEqualTo(new FetchResult.Failed(
                FetchError.HTTP_STATUS, "HTTP 500 Internal Server Error from " + url("/feed")));
    }

    @Test
    void maxAgeSetsFreshUntilAndIgnoresSharedMaxAge() {
        server.enqueue(ok().addHeader("Cache-Control", "public, s-maxage=60, max-age=900").build());

        assertThat(fetchOk().freshUntil()).isEqualTo(NOW.plusSeconds(900));
    }

    @Test
    void maxAgeCountsTheAgeAlreadySpentInCaches() {
        server.enqueue(ok().addHeader("Cache-Control", "max-age=900").addHeader("Age", "300").build());

        assertThat(fetchOk().freshUntil()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void expiresSetsFreshUntilRelativeToTheServersDate() {
        // The server's clock is one hour behind ours; it asks for 30 minutes.
        server.enqueue(ok().addHeader("Date", "Sat, 28 Nov 2026 09:00:00 GMT")
                .addHeader("Expires", "Sat, 28 Nov 2026 09:30:00 GMT").build());

        assertThat(fetchOk().freshUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void expiresWithoutDateIsTakenAsIs() {
        server.enqueue(ok().addHeader("Expires", "Sat, 28 Nov 2026 12:00:00 GMT").build());

        assertThat(fetchOk().freshUntil()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    }

    @Test
    void noCacheAndNoStoreMeanNoFreshness() {
        server.enqueue(ok().addHeader("Cache-Control", "no-cache, max-age=600").build());
        server.enqueue(ok().addHeader("Cache-Control", "no-store")
                .addHeader("Expires", "Sat, 28 Nov 2026 12:00:00 GMT").build());

        assertThat(fetchOk().freshUntil()).isNull();
        assertThat(fetchOk().freshUntil()).isNull();
    }

    @Test
    void decodesGzip() throws IOException {
        byte[] body = repeatedFeed();
        server.enqueue(ok().addHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(body))).build());

        assertThat(fetchOk().body()).isEqualTo(body);
    }

    @Test
    void decodesZlibWrappedDeflate() throws IOException {
        byte[] body = repeatedFeed();
        server.enqueue(ok().addHeader("Content-Encoding", "deflate").body(new Buffer().write(deflate(body, false))).build());

        assertThat(fetchOk().body()).isEqualTo(body);
    }

    @Test
    void decodesRawDeflate() throws IOException {
        byte[] body = repeatedFeed();
        server.enqueue(ok().addHeader("Content-Encoding", "deflate").body(new Buffer().write(deflate(body, true))).build());

        assertThat(fetchOk().body()).isEqualTo(body);
    }

    @Test
    void unknownContentEncodingIsBadEncoding() {
        server.enqueue(ok().addHeader("Content-Encoding", "br").body("not really brotli").build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FetchError.BAD_ENCODING);
            assertThat(failed.message()).contains("'br'");
        });
    }

    @Test
    void corruptGzipIsBadEncoding() {
        server.enqueue(ok().addHeader("Content-Encoding", "gzip").body(FEED).build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FetchError.BAD_ENCODING);
            assertThat(failed.message()).doesNotContain("java.", "Exception");
        });
    }

    @Test
    void declaredContentLengthOverTheCapIsRefusedEarly() {
        server.enqueue(ok().body(new Buffer().write(new byte[1024 * 1024 + 1])).build());

        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE,
                "body of " + url("/feed") + " is larger than 1 MB after decompression (fetch.maxBodySize)"));
    }

    @Test
    void followsRelativeAndAbsoluteRedirectsAndReportsTheFinalUrl() throws Exception {
        routes(Map.of(
                "/a", redirect(301, "b?x=1"),
                "/b", redirect(302, url("/c").toString()),
                "/c", redirect(308, "/final#section"),
                "/final", ok().body(FEED).build()));

        FetchResult result = fetcher.fetch(url("/a"), new Validators("\"e\"", null));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class, ok -> {
            assertThat(ok.finalUrl()).isEqualTo(url("/final"));
            assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        });
        assertThat(takeRequest().getTarget()).isEqualTo("/a");
        assertThat(takeRequest().getTarget()).isEqualTo("/b?x=1");
        assertThat(takeRequest().getTarget()).isEqualTo("/c");
        RecordedRequest last = takeRequest();
        assertThat(last.getTarget()).isEqualTo("/final");
        assertThat(last.getHeaders().get("If-None-Match")).isEqualTo("\"e\"");
    }

    @Test
    void locationWithRawSpacesIsEncodedLikeBrowsersDo() {
        routes(Map.of("/old", redirect(301, "/new feed.xml"), "/new%20feed.xml", ok().build()));

        assertThat(fetcher.fetch(url("/old"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.finalUrl()).isEqualTo(url("/new%20feed.xml")));
    }

    @Test
    void exactlyMaxRedirectsIsFineOneMoreIsTooMany() {
        routes(Map.of(
                "/0", redirect(301, "/1"), "/1", redirect(301, "/2"), "/2", redirect(301, "/3"), "/3", redirect(301, "/4"),
                "/4", redirect(301, "/5"), "/5", redirect(301, "/6"), "/6", ok().body(FEED).build()));

        assertThat(fetcher.fetch(url("/1"), Validators.NONE)).isInstanceOf(FetchResult.Ok.class);
        assertThat(fetcher.fetch(url("/0"), Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> {
                    assertThat(failed.kind()).isEqualTo(FetchError.TOO_MANY_REDIRECTS);
                    assertThat(failed.message()).contains("more than 5 redirects");
                });
    }

    @Test
    void redirectLoopIsDetectedBeforeTheHopLimit() {
        routes(Map.of("/a", redirect(302, "/b"), "/b", redirect(307, "/a")));

        FetchResult result = fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FetchError.TOO_MANY_REDIRECTS);
            assertThat(failed.message()).contains("redirect loop");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void redirectWithoutLocationIsRefused() {
        server.enqueue(new MockResponse.Builder().code(302).build());

        FetchResult result = fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TOO_MANY_REDIRECTS,
                "HTTP 302 redirect from " + url("/a") + " has no Location header"));
    }

    @Test
    void redirectToAnotherSchemeIsInvalid() {
        server.enqueue(redirect(301, "file:///etc/passwd"));

        FetchResult result = fetcher.fetch(url("/a"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FetchError.INVALID_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://example.org/",
            "/relative/feed.xml", "http:opaque", "http:///no-host", "http://", "not a url", "https://exa mple.org/"})
    void nonHttpSchemesAndMalformedUrlsAreInvalid(String url) {
        FetchResult result = fetcher.fetch(url, Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FetchError.INVALID_URL);
            assertThat(failed.message()).doesNotContain("Exception").doesNotContain("\n");
        });
    }

    @Test
    void connectionRefusedIsUnreachableWithAPlainMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.UNREACHABLE,
                "connection refused by 127.0.0.1:" + port));
    }

    @Test
    void unknownHostIsUnreachable() {
        HttpFeedFetcher strict = new HttpFeedFetcher(config(5), Clock.systemUTC(), new PublicAddressPolicy(host -> {
            throw new java.net.UnknownHostException(host);
        }));
        try (strict) {
            FetchResult result = strict.fetch(URI.create("https://feeds.example.invalid/rss"), Validators.NONE);

            assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.UNREACHABLE,
                    "https://feeds.example.invalid/rss: unknown host feeds.example.invalid; check the URL"));
        }
    }

    private FetchResult.Ok fetchOk() {
        FetchResult result = fetcher.fetch(url("/feed"), Validators.NONE);
        assertThat(result).isInstanceOf(FetchResult.Ok.class);
        return (FetchResult.Ok) result;
    }

    private static MockResponse.Builder ok() {
        return new MockResponse.Builder().code(200).body(FEED);
    }

    private static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder().code(status).addHeader("Location", location).build();
    }

    private void routes(Map<String, MockResponse> byPath) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse response = byPath.get(request.getUrl().encodedPath());
                return response != null ? response : new MockResponse.Builder().code(404).build();
            }
        });
    }

    private static byte[] repeatedFeed() {
        return ("<rss version=\"2.0\"><channel>" + "<item><title>Ünïcode item</title></item>".repeat(500)
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
