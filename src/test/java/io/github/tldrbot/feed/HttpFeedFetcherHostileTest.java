package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.tldrbot.config.FetchConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §10 hostile servers: every case ends in a clear result within bounded time and memory, and
 * the server sees the connection dropped (nothing leaks). Each case is guarded by a generous
 * preemptive timeout against hangs; no test asserts a wall-clock duration.
 */
class HttpFeedFetcherHostileTest {

    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final int CAP = 1024 * 1024;
    private static final long BOMB_DECODED = 1L << 30;
    private static byte[] bomb;

    @BeforeAll
    static void buildBomb() throws IOException {
        long start = System.nanoTime();
        // 1 GiB of zeros streamed through gzip (never held in memory): about 1 MiB compressed.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            for (long written = 0; written < BOMB_DECODED; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        bomb = compressed.toByteArray();
        System.out.printf("built a %d-byte gzip bomb (1 GiB decoded) in %d ms%n", bomb.length,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static FetchConfig config(Duration timeout, int maxConcurrent, int perHost, boolean allowPrivate) {
        return new FetchConfig("tldr-bot-test/1.0", timeout, CAP, 5, maxConcurrent, perHost, allowPrivate);
    }

    private static HttpFeedFetcher fetcher(Duration timeout) {
        return new HttpFeedFetcher(config(timeout, 8, 2, true));
    }

    private static FetchResult.Failed failed(FetchResult result, FetchError kind) {
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed failed = (FetchResult.Failed) result;
        assertThat(failed.kind()).as(failed.message()).isEqualTo(kind);
        return failed;
    }

    @Test
    void gzipBombIsTooLarge() throws Exception {
        assertThat(bomb.length).as("compressed bomb size").isLessThan(2 * 1024 * 1024);
        try (HostileServer server = new HostileServer((exchange, out) -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            out.write(bomb);
        }); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(10))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/bomb"), Validators.NONE));

            assertThat(failed(result, FetchError.TOO_LARGE).message()).contains("1 MB after decompression");
        }
    }

    @Test
    void gzipBombIsNotReadPastTheCap() throws Exception {
        // The 1 MiB bomb fits in loopback socket buffers, so to see where reading stops the server
        // sends it 64 times as concatenated gzip members (valid gzip: 64 GiB decoded, ~64 MiB sent).
        int members = 64;
        try (HostileServer server = new HostileServer((exchange, out) -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, (long) bomb.length * members);
            for (int i = 0; i < members; i++) {
                out.write(bomb);
            }
        }); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(10))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/bomb"), Validators.NONE));

            failed(result, FetchError.TOO_LARGE);
            await().atMost(GUARD).until(() -> server.finishedResponses.get() == 1);
            long offered = (long) bomb.length * members;
            System.out.printf("gzip bomb x%d: %d of %d compressed bytes left the server before the client hung up%n",
                    members, server.bytesWritten.get(), offered);
            assertThat(server.clientHungUp).isTrue();
            assertThat(server.bytesWritten.get()).isLessThan(offered / 4);
        }
    }

    @Test
    void plainBodyOverTheCapStopsReadingEarly() throws Exception {
        long total = 256L * 1024 * 1024;
        try (HostileServer server = new HostileServer((exchange, out) -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
        }); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(10))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/big"), Validators.NONE));

            failed(result, FetchError.TOO_LARGE);
            await().atMost(GUARD).until(() -> server.finishedResponses.get() == 1);
            System.out.printf("over-cap body: %d of %d bytes left the server%n", server.bytesWritten.get(), total);
            assertThat(server.clientHungUp).isTrue();
            assertThat(server.bytesWritten.get()).isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void endlessBodyEndsAndTheConnectionIsDropped() throws Exception {
        try (HostileServer server = new HostileServer((exchange, out) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            byte[] item = "<item><title>again</title></item>\n".getBytes();
            while (true) {
                out.write(item);
            }
        }); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(5))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/endless"), Validators.NONE));

            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.kind()).isIn(FetchError.TOO_LARGE, FetchError.TIMEOUT));
            await().atMost(GUARD).untilTrue(server.clientHungUp);
        }
    }

    @Test
    void slowDripTimesOutWithinTheFetchTimeout() throws Exception {
        try (HostileServer server = new HostileServer((exchange, out) -> {
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 1000; i++) {
                out.write(new byte[] {'<'});
                out.flush();
                Thread.sleep(500);
            }
        }); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(2))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/drip"), Validators.NONE));

            assertThat(failed(result, FetchError.TIMEOUT).message())
                    .isEqualTo("no complete response from " + server.url("/drip") + " within 2s (fetch.timeout)");
            await().atMost(GUARD).untilTrue(server.clientHungUp);
            assertThat(server.bytesWritten.get()).isLessThan(100);
        }
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
                HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(2))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(socket.accept()); // holds the connection, never answers
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.start();
            URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/silent");

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(url, Validators.NONE));

            failed(result, FetchError.TIMEOUT);
            acceptor.join(1000);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void bodyCutShortIsUnreachableWithAPlainMessage() throws Exception {
        String partial = "HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n<rss><channel>";
        try (RawServer server = new RawServer(partial); HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(5))) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url(), Validators.NONE));

            assertThat(failed(result, FetchError.UNREACHABLE).message())
                    .isEqualTo("127.0.0.1:" + server.port() + " closed the connection before the response was complete");
        }
    }

    @Test
    void tlsToAPlainHttpServerIsATlsFailure() throws Exception {
        try (RawServer server = new RawServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(5))) {
            URI url = URI.create("https://127.0.0.1:" + server.port() + "/feed");

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(url, Validators.NONE));

            assertThat(failed(result, FetchError.UNREACHABLE).message())
                    .startsWith("TLS handshake failed with 127.0.0.1:" + server.port())
                    .doesNotContain("Exception").doesNotContain("javax.");
        }
    }

    /** Answers every connection with fixed bytes, then closes it: for responses no real server sends. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;

        RawServer(String response) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        client.getInputStream().read(new byte[4096]);
                        client.getOutputStream().write(response.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        // closed by the test, or the client gave up: either way, next connection
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port() + "/feed");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void loopbackAndOtherPrivateTargetsAreRefusedBeforeAnyRequest() throws Exception {
        try (HostileServer server = new HostileServer((exchange, out) -> exchange.sendResponseHeaders(200, -1));
                HttpFeedFetcher fetcher = new HttpFeedFetcher(config(Duration.ofSeconds(2), 8, 2, false))) {
            int port = server.port();
            for (String url : List.of("http://127.0.0.1:" + port + "/feed", "http://localhost:" + port + "/feed",
                    "http://[::1]:" + port + "/feed", "http://0.0.0.0:" + port + "/feed",
                    "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/feed", "http://192.168.1.1/",
                    "http://[fd00::1]/feed")) {

                FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(url, Validators.NONE));

                assertThat(failed(result, FetchError.PRIVATE_ADDRESS).message())
                        .contains("fetch.allowPrivateNetworks");
            }
            assertThat(server.requests.get()).isZero();
        }
    }

    @Test
    void redirectHopToAPrivateAddressIsRefused() throws Exception {
        // The resolver pretends 127.0.0.1 is a public host (so the first hop is allowed) and answers
        // 127.0.0.2 truthfully, so the real address rule must refuse the redirect hop.
        PublicAddressPolicy policy = new PublicAddressPolicy(host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByName("203.0.113.7")}
                : InetAddress.getAllByName(host));
        try (HostileServer target = new HostileServer("127.0.0.1", (exchange, out) -> exchange.sendResponseHeaders(200, -1));
                HostileServer server = new HostileServer((exchange, out) -> {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + target.port() + "/internal");
                    exchange.sendResponseHeaders(302, -1);
                });
                HttpFeedFetcher fetcher = new HttpFeedFetcher(config(Duration.ofSeconds(5), 8, 2, false),
                        Clock.systemUTC(), policy)) {

            FetchResult result = assertTimeoutPreemptively(GUARD, () -> fetcher.fetch(server.url("/feed"), Validators.NONE));

            assertThat(failed(result, FetchError.PRIVATE_ADDRESS).message())
                    .startsWith("redirect from " + server.url("/feed") + " to http://127.0.0.2:")
                    .contains("127.0.0.2 is a loopback address");
            assertThat(server.requests.get()).isEqualTo(1);
            assertThat(target.requests.get()).isZero();
        }
    }

    @Test
    void perHostConcurrencyIsLimited() throws Exception {
        assertThat(maxInFlight(8, 2, 8)).isBetween(1, 2);
    }

    @Test
    void globalConcurrencyIsLimited() throws Exception {
        assertThat(maxInFlight(3, 8, 8)).isBetween(1, 3);
    }

    /** Fires {@code fetches} parallel fetches at one host and returns the most requests the server saw at once. */
    private static int maxInFlight(int maxConcurrent, int perHost, int fetches) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        try (HostileServer server = new HostileServer((exchange, out) -> {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } finally {
                inFlight.decrementAndGet();
            }
            byte[] body = "<rss/>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }); HttpFeedFetcher fetcher = new HttpFeedFetcher(config(Duration.ofSeconds(10), maxConcurrent, perHost, true))) {
            ExecutorService callers = Executors.newFixedThreadPool(fetches);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<FetchResult>> results = new ArrayList<>();
                for (int i = 0; i < fetches; i++) {
                    URI url = server.url("/feed/" + i);
                    results.add(callers.submit(() -> {
                        go.await();
                        return fetcher.fetch(url, Validators.NONE);
                    }));
                }
                go.countDown();
                for (Future<FetchResult> result : results) {
                    assertThat(assertTimeoutPreemptively(GUARD, () -> result.get(GUARD.toSeconds(), TimeUnit.SECONDS)))
                            .isInstanceOf(FetchResult.Ok.class);
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(server.requests.get()).isEqualTo(fetches);
            assertThat(fetcher.trackedHosts()).as("per-host semaphores left behind").isZero();
        }
        return max.get();
    }

    @Test
    void closeStopsTheFetchersThreads() throws Exception {
        HttpFeedFetcher fetcher = fetcher(Duration.ofSeconds(5));
        String prefix = "feed-fetch-" + Integer.toHexString(System.identityHashCode(fetcher)) + "-";
        try (HostileServer server = new HostileServer((exchange, out) -> {
            byte[] body = "<rss/>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        })) {
            assertThat(fetcher.fetch(server.url("/feed"), Validators.NONE)).isInstanceOf(FetchResult.Ok.class);
            assertThat(liveThreads(prefix)).isPositive();
        } finally {
            fetcher.close();
        }
        await().atMost(GUARD).until(() -> liveThreads(prefix) == 0);
    }

    private static long liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
