package io.github.tldrbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSub hub on 127.0.0.1 (W3C WebSub §5–§8) for tests: accepts subscribe and unsubscribe form
 * POSTs with 202, then verifies the intent with a GET on the callback (a random challenge that must
 * come back verbatim), keeps the verified subscriptions and publishes content to them with an
 * {@code X-Hub-Signature}. Knobs make it misbehave: down (503), verify with another topic, grant a
 * short lease, sign with the wrong secret.
 */
public final class WebSubHub implements AutoCloseable {

    /** A verified subscription. */
    public record Subscription(String topic, String callback, String secret, long leaseSeconds) {
    }

    /** One intent verification the hub made: what it asked and whether the challenge came back. */
    public record Verification(String mode, String topic, String callback, int status, boolean echoed) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "websub-hub");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final List<Verification> verifications = new CopyOnWriteArrayList<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile String verifyTopicInstead;
    private volatile boolean verifyBeforeAnswering;
    private volatile Long grantLeaseSeconds;

    public WebSubHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** Answers every request 503 (true) or works again (false). */
    public WebSubHub down(boolean down) {
        this.down = down;
        return this;
    }

    /** Verifies subscriptions with this topic instead of the requested one (a forged verification). */
    /** Verifies each request before answering it: a subscriber must be ready for the check before the 202 arrives. */
    public WebSubHub verifyBeforeAnswering(boolean before) {
        this.verifyBeforeAnswering = before;
        return this;
    }

    public WebSubHub verifyWithTopic(String topic) {
        this.verifyTopicInstead = topic;
        return this;
    }

    /** Grants this lease instead of the requested one. */
    public WebSubHub grantLease(long seconds) {
        this.grantLeaseSeconds = seconds;
        return this;
    }

    /** Every subscribe/unsubscribe form received, in order. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    public List<Verification> verifications() {
        return List.copyOf(verifications);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Publishes {@code body} to every verified subscriber of {@code topic}, signed with sha256; returns their HTTP statuses. */
    public List<Integer> publish(String topic, String body) {
        return publish(topic, body, "sha256", null);
    }

    /**
     * @param method        sha1, sha256, sha384 or sha512
     * @param wrongSecret   sign with this instead of the subscription's secret; null signs correctly, "" sends no signature
     */
    public List<Integer> publish(String topic, String body, String method, String wrongSecret) {
        List<Integer> statuses = new ArrayList<>();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (Subscription s : subscriptions.values()) {
            if (!s.topic().equals(topic)) {
                continue;
            }
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(s.callback()))
                    .header("Content-Type", "application/rss+xml; charset=utf-8")
                    .header("Link", "<" + url() + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (!"".equals(wrongSecret)) {
                post.header("X-Hub-Signature", method + "=" + hmac(method, bytes, wrongSecret != null ? wrongSecret : s.secret()));
            }
            statuses.add(send(post.build()).statusCode());
        }
        return statuses;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                reply(exchange, 503, "hub down");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, "POST only");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String mode = form.get("hub.mode");
            if (!("subscribe".equals(mode) || "unsubscribe".equals(mode)) || form.get("hub.topic") == null
                    || form.get("hub.callback") == null) {
                reply(exchange, 400, "hub.mode, hub.topic and hub.callback are required");
                return;
            }
            requests.add(form);
            if (verifyBeforeAnswering) {
                verify(form); // the verification reaches the subscriber before the answer to its request
                reply(exchange, 202, "");
                return;
            }
            reply(exchange, 202, "");
            executor.execute(() -> verify(form));
        }
    }

    /** The intent verification of WebSub §5.3, made after the 202 as a real hub does. */
    private void verify(Map<String, String> form) {
        String mode = form.get("hub.mode");
        String topic = verifyTopicInstead != null ? verifyTopicInstead : form.get("hub.topic");
        String callback = form.get("hub.callback");
        long lease = grantLeaseSeconds != null ? grantLeaseSeconds : Long.parseLong(form.getOrDefault("hub.lease_seconds", "864000"));
        String challenge = UUID.randomUUID().toString();
        String query = "hub.mode=" + enc(mode) + "&hub.topic=" + enc(topic) + "&hub.challenge=" + enc(challenge)
                + (mode.equals("subscribe") ? "&hub.lease_seconds=" + lease : "");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(callback + (callback.contains("?") ? "&" : "?") + query))
                .GET().build());
        boolean echoed = answer.statusCode() / 100 == 2 && challenge.equals(answer.body());
        verifications.add(new Verification(mode, topic, callback, answer.statusCode(), echoed));
        if (echoed && mode.equals("subscribe")) {
            subscriptions.put(callback, new Subscription(form.get("hub.topic"), callback, form.get("hub.secret"), lease));
        } else if (echoed) {
            subscriptions.remove(callback);
        }
    }

    /** Tells a subscriber its subscription was denied (WebSub §5.2). */
    public int deny(String callback, String topic, String reason) {
        return send(HttpRequest.newBuilder(URI.create(callback + "?hub.mode=denied&hub.topic=" + enc(topic) + "&hub.reason=" + enc(reason)))
                .GET().build()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("hub stand-in could not reach " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String method, byte[] body, String secret) {
        String algorithm = switch (method) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException(method);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
