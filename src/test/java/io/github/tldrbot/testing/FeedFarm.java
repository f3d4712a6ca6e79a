package io.github.tldrbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many realistic RSS feeds served from many loopback addresses (127.0.0.2, 127.0.0.3, …), one HTTP
 * server per address, for poll-cost benchmarks. Feed {@code n} lives at
 * {@code http://127.0.0.(2 + n % hosts):port/f/n.xml}; its documents are {@link FarmDocuments}: 20
 * items, ~27 KB, HTML descriptions, like the real captures.
 *
 * <p>Rounds: in round 0 every feed holds 20 items dated over the previous ~40 hours. In each later
 * round ({@link #advance()}) a rotating 20 % of the feeds (those with {@code (n + round) % 5 == 0})
 * gain 1–3 items dated just before the round's time ({@code start + round × roundGap}); the others
 * are unchanged. Every response carries an ETag and a Last-Modified; a request whose
 * {@code If-None-Match} (or, without one, {@code If-Modified-Since}) matches gets 304.
 */
public final class FeedFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** Items of a document, and of every feed in round 0. */
    static final int ITEMS = 20;
    private static final int CHANGE_EVERY = 5;

    private final int feeds;
    private final int hosts;
    private final Instant start;
    private final Duration roundGap;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicInteger round = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong otherRequests = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final int port;

    /**
     * @param start    the time of round 0 (the pollers' clock should read this then)
     * @param roundGap how far apart rounds are in time
     */
    public FeedFarm(int feeds, int hosts, Instant start, Duration roundGap) throws IOException {
        this.feeds = feeds;
        this.hosts = hosts;
        this.start = start;
        this.roundGap = roundGap;
        this.executor = Executors.newFixedThreadPool(8);
        int chosenPort = 0;
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host(h)), chosenPort), 512);
            chosenPort = server.getAddress().getPort();
            server.createContext("/", this::serve);
            server.setExecutor(executor);
            server.start();
            servers.add(server);
        }
        this.port = chosenPort;
    }

    private static String host(int h) {
        return "127.0.0." + (2 + h);
    }

    public String url(int n) {
        return url(hosts, port, n);
    }

    /** The URL of feed {@code n} of a farm with {@code hosts} hosts on {@code port} (for another process). */
    public static String url(int hosts, int port, int n) {
        return "http://" + host(n % hosts) + ":" + port + "/f/" + n + ".xml";
    }

    public int port() {
        return port;
    }

    public int feeds() {
        return feeds;
    }

    /** The next round: a fifth of the feeds gain new items (and a new ETag). */
    public void advance() {
        round.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long notModified() {
        return notModified.get();
    }

    /** Requests for anything but a feed (article pages, which no poller should read here). */
    public long otherRequests() {
        return otherRequests.get();
    }

    public long bytesServed() {
        return bytesServed.get();
    }

    /** Whether feed {@code n} gains items in round {@code r} (r ≥ 1). */
    static boolean changes(int n, int r) {
        return r >= 1 && (n + r) % CHANGE_EVERY == 0;
    }

    /** How many items feed {@code n} gains in round {@code r} when it changes: 1–3. */
    private static int gained(int n, int r) {
        return 1 + Math.floorMod(n * 31 + r * 7, 3);
    }

    /** The number of feed n's newest item in round r. */
    static int newest(int n, int r) {
        int total = ITEMS;
        for (int i = 1; i <= r; i++) {
            if (changes(n, i)) {
                total += gained(n, i);
            }
        }
        return total;
    }

    /** When item {@code i} of feed {@code n} was published. */
    Instant published(int n, int i) {
        if (i <= ITEMS) {
            return start.minus(Duration.ofHours(2L * (ITEMS - i))).minusSeconds(60L * (n % 60) + 600);
        }
        int total = ITEMS;
        for (int r = 1; ; r++) {
            if (changes(n, r)) {
                int k = gained(n, r);
                if (i <= total + k) {
                    return start.plus(roundGap.multipliedBy(r)).minus(Duration.ofMinutes(5L * (total + k - i + 1)));
                }
                total += k;
            }
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int n;
            try {
                if (!path.startsWith("/f/") || !path.endsWith(".xml")) {
                    throw new IllegalArgumentException(path);
                }
                n = Integer.parseInt(path.substring(3, path.length() - 4));
            } catch (RuntimeException e) {
                otherRequests.incrementAndGet();
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int newest = newest(n, round.get());
            String etag = "\"" + n + "-" + newest + "\"";
            String lastModified = RFC_1123.format(published(n, newest));
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
            if (etag.equals(ifNoneMatch) || (ifNoneMatch == null && lastModified.equals(ifModifiedSince))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = FarmDocuments.document(n, newest, i -> published(n, i), host(n % hosts) + ":" + port)
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            bytesServed.addAndGet(body.length);
        }
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        executor.shutdownNow();
    }
}
