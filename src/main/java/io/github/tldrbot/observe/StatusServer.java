package io.github.tldrbot.observe;

import io.github.tldrbot.threads.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status server on {@code server.port} (SPEC §11): {@code GET /health} answers 200 with every
 * check "ok", or 503 naming what is down; {@code GET /metrics} answers the Prometheus text format.
 * The JDK's HTTP server is enough for two read-only endpoints scraped every few seconds.
 */
public final class StatusServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts serving at once.
     *
     * @param host {@code 0.0.0.0} to be scraped from elsewhere (the bot), {@code 127.0.0.1} in tests
     * @throws IOException when the port cannot be bound
     */
    public StatusServer(String host, int port, Health health, BotMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        executor = Executors.newFixedThreadPool(2, DaemonThreads.named("status-server"));
        server.setExecutor(executor);
        server.createContext("/health", exchange -> health(exchange, health));
        server.createContext("/metrics", exchange -> {
            if (allowed(exchange)) {
                reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            }
        });
        server.createContext("/", exchange -> reply(exchange, 404, "text/plain; charset=utf-8", "not found: try /health or /metrics\n"));
        server.start();
        log.info("status server listening: port={} endpoints=/health,/metrics", port());
    }

    /**
     * Serves {@code handler} under {@code pathPrefix} too (the WebSub callbacks, SPEC §4.3), which
     * then answers every method it accepts, not only GET.
     */
    public void route(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
        log.info("status server route added: path={}", pathPrefix);
    }

    /** The bound port (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, Health health) throws IOException {
        if (!allowed(exchange)) {
            return;
        }
        Map<String, String> results = health.run();
        boolean ok = results.values().stream().allMatch("ok"::equals);
        ObjectNode body = JSON.createObjectNode().put("status", ok ? "ok" : "down");
        ObjectNode checks = body.putObject("checks");
        results.forEach(checks::put);
        reply(exchange, ok ? 200 : 503, "application/json", body.toString() + "\n");
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        reply(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
        return false;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
