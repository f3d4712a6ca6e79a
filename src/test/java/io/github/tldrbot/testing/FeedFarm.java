package io.github.tldrbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * Many small RSS feeds served from many loopback addresses (127.0.0.2, 127.0.0.3, …), one HTTP
 * server per address, for poll-cycle benchmarks and tests. Feed {@code n} lives at
 * {@code http://127.0.0.(2 + n % hosts):port/f/n.xml}. Each feed answers conditional requests:
 * its ETag only changes when {@link #advance()} gives it new items, so unchanged feeds get 304.
 * In each round, feeds whose number is a multiple of {@code 1 / changingShare} gain 1–3 items.
 */
public final class FeedFarm implements AutoCloseable {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int feeds;
    private final int hosts;
    private final int changeEvery;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicInteger round = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final int port;
    private final Instant epoch = Instant.now().minusSeconds(3600);

    /**
     * @param changeEvery every {@code changeEvery}-th feed changes per round (5 = 20 %)
     */
    public FeedFarm(int feeds, int hosts, int changeEvery) throws IOException {
        this.feeds = feeds;
        this.hosts = hosts;
        this.changeEvery = changeEvery;
        this.executor = Executors.newFixedThreadPool(8);
        int chosenPort = 0;
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host(h)), chosenPort), 512);
            chosenPort = server.getAddress().getPort();
            server.createContext("/f/", this::serve);
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

    /** The next round: the changing feeds gain new items (and a new ETag). */
    public void advance() {
        round.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long notModified() {
        return notModified.get();
    }

    private boolean changes(int n) {
        return n % changeEvery == 0;
    }

    /** How many items feed n has in the current round. */
    private int items(int n, int r) {
        int base = 5;
        if (!changes(n)) {
            return base;
        }
        int total = base;
        for (int i = 1; i <= r; i++) {
            total += 1 + Math.floorMod(n * 31 + i * 7, 3);
        }
        return total;
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int n;
            try {
                n = Integer.parseInt(path.substring(3, path.length() - 4));
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int r = round.get();
            int count = items(n, r);
            String etag = "\"" + n + "-" + count + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = document(n, count).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.getResponseHeaders().set("ETag", etag);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A realistic small feed: newest first, at most 20 items, each with an HTML description. */
    private String document(int n, int count) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Feed ").append(n).append("</title><link>https://example.org/").append(n).append("/</link>")
                .append("<description>Synthetic feed ").append(n).append("</description>");
        for (int i = count; i > Math.max(0, count - 20); i--) {
            Instant published = epoch.plusSeconds(60L * i);
            sb.append("<item><title>Release ").append(i).append(" of project ").append(n)
                    .append(" brings a faster API and security fixes</title>")
                    .append("<link>https://example.org/").append(n).append("/posts/").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">feed-").append(n).append("-item-").append(i).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(published)).append("</pubDate>")
                    .append("<category>release</category>")
                    .append("<description><![CDATA[<p>Project ").append(n).append(" shipped version ").append(i)
                    .append(".0 today. The update patches CVE-2026-").append(1000 + i)
                    .append(", which means operators should upgrade soon. Developers get a new API for streaming results, ")
                    .append("and the team says performance improved by 30% on common workloads.</p>")
                    .append("<p>Download it from https://example.org/").append(n).append("/download and read the release notes.</p>]]>")
                    .append("</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    public int feeds() {
        return feeds;
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
        executor.shutdownNow();
    }
}
