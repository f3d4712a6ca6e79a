package io.github.tldrbot.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.tldrbot.store.WebSubStore;
import io.github.tldrbot.store.WebSubSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback URLs {@code /websub/<callback id>} on {@code server.port} (WebSub §5.3, §7, §8).
 * <ul>
 *   <li>{@code GET} with {@code hub.mode=subscribe|unsubscribe}: the hub's intent verification. The
 *       challenge is echoed only when the callback exists, {@code hub.topic} is its topic and we asked
 *       for that mode; anything else is 404, so nobody can subscribe us to what we did not ask for.</li>
 *   <li>{@code GET} with {@code hub.mode=denied}: the hub refused; recorded, retried much later.</li>
 *   <li>{@code POST}: content. Its {@code X-Hub-Signature} must be the HMAC of the body with the
 *       subscription's secret; a bad or missing one still gets a 2xx (as WebSub §8 asks, so a forger
 *       learns nothing) but the content is ignored and counted.</li>
 * </ul>
 * Everything is looked up in the store, so any process of a cluster answers any callback.
 */
public final class WebSubCallback implements HttpHandler {
    public static final String PATH = "/websub/";
    private static final Logger log = LoggerFactory.getLogger(WebSubCallback.class);

    private final WebSubStore store;
    private final PushIngest ingest;
    private final WebSubSettings settings;
    private final WebSubEvents events;
    private final Clock clock;

    WebSubCallback(WebSubStore store, PushIngest ingest, WebSubSettings settings, WebSubEvents events, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String callbackId = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
            if (callbackId.isEmpty() || callbackId.contains("/")) {
                reply(exchange, 404, "not found\n");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> verify(exchange, callbackId);
                case "POST" -> push(exchange, callbackId);
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    reply(exchange, 405, "only GET (verification) and POST (content)\n");
                }
            }
        } catch (RuntimeException e) {
            log.warn("websub callback failed: error={}", e.toString(), e);
            reply(exchange, 500, "internal error\n");
        }
    }

    private void verify(HttpExchange exchange, String callbackId) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String mode = q.getOrDefault("hub.mode", "");
        String topic = q.get("hub.topic");
        String challenge = q.get("hub.challenge");
        Instant now = clock.instant();
        if (topic == null) {
            reply(exchange, 400, "hub.topic missing\n");
            return;
        }
        switch (mode) {
            case "subscribe" -> {
                long lease = leaseSeconds(q.get("hub.lease_seconds"));
                // renew when nine tenths of the lease have passed, so a hub that is briefly down has time
                Instant renewAt = now.plus(Duration.ofMillis(Math.max(1000, lease * 900)));
                if (challenge != null && store.confirmSubscribe(callbackId, topic, lease, now, renewAt)) {
                    log.info("websub subscription verified: callback={}… topic={} lease={}s", shortId(callbackId), topic, lease);
                    reply(exchange, 200, challenge);
                } else {
                    log.info("websub verification refused: mode=subscribe callback={}… topic={}", shortId(callbackId), topic);
                    reply(exchange, 404, "no such subscription request\n");
                }
            }
            case "unsubscribe" -> {
                if (challenge != null && store.confirmUnsubscribe(callbackId, topic)) {
                    log.info("websub unsubscribed: topic={}", topic);
                    reply(exchange, 200, challenge);
                } else {
                    reply(exchange, 404, "no such unsubscribe request\n");
                }
            }
            case "denied" -> {
                String reason = q.getOrDefault("hub.reason", "no reason given");
                if (store.markDenied(callbackId, topic, "the hub denied the subscription: " + reason, now.plus(settings.deniedRetry()))) {
                    log.warn("websub subscription denied: topic={} reason={}", topic, reason);
                    reply(exchange, 200, "ok\n");
                } else {
                    reply(exchange, 404, "no such subscription\n");
                }
            }
            default -> reply(exchange, 400, "hub.mode must be subscribe, unsubscribe or denied\n");
        }
    }

    private void push(HttpExchange exchange, String callbackId) throws IOException {
        events.pushReceived();
        Optional<WebSubSubscription> found = store.findByCallback(callbackId);
        if (found.isEmpty()) {
            events.pushRejected("unknown_callback");
            reply(exchange, 404, "no such subscription\n");
            return;
        }
        WebSubSubscription sub = found.get();
        if (sub.feedId() == null || sub.state().equals(WebSubSubscription.UNSUBSCRIBING)) {
            // 410 tells the hub to drop the subscription (WebSub §7)
            events.pushRejected("unknown_callback");
            reply(exchange, 410, "unsubscribed\n");
            return;
        }
        byte[] body = readCapped(exchange.getRequestBody(), settings.maxBodySize());
        if (body == null) {
            events.pushRejected("too_large");
            log.warn("websub push refused: feed={} reason=body over {} bytes (fetch.maxBodySize)", sub.feedId(), settings.maxBodySize());
            reply(exchange, 413, "body over the size limit\n");
            return;
        }
        if (!HubSignature.valid(exchange.getRequestHeaders().getFirst("X-Hub-Signature"), body, sub.secret())) {
            events.pushRejected("signature");
            log.warn("websub push ignored: feed={} reason=bad or missing X-Hub-Signature", sub.feedId());
            reply(exchange, 202, "accepted\n");
            return;
        }
        if (!ingest.submit(sub.feedId(), body, exchange.getRequestHeaders().getFirst("Content-Type"))) {
            events.pushRejected("queue_full");
            log.warn("websub push dropped: feed={} reason=too many pushes waiting; polling reads the entries", sub.feedId());
        } else {
            events.pushAccepted();
        }
        reply(exchange, 202, "accepted\n");
    }

    private long leaseSeconds(String given) {
        try {
            long lease = given == null ? settings.requestedLease().toSeconds() : Long.parseLong(given.strip());
            return lease > 0 ? lease : settings.requestedLease().toSeconds();
        } catch (NumberFormatException e) {
            return settings.requestedLease().toSeconds();
        }
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readCapped(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return bytes.length > max ? null : bytes;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    /** Enough of a callback id to tell log lines apart, not enough to forge a callback URL. */
    private static String shortId(String callbackId) {
        return callbackId.substring(0, Math.min(6, callbackId.length()));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
