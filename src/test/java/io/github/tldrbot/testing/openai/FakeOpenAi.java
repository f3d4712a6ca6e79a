package io.github.tldrbot.testing.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat-completions stand-in on 127.0.0.1, scriptable per test: which
 * {@code response_format}s it accepts (a refused one gets a 400 naming it, as vLLM and llama.cpp do),
 * the content it answers, a delay, and one-shot statuses (429 with Retry-After, 500, …). It records
 * every request (body and headers) and the highest number of requests it served at once.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** The structured-output modes a server may support. */
    public enum Capability { JSON_SCHEMA, JSON_OBJECT }

    /** One received request. Header names are lower case. */
    public record Recorded(JsonNode body, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        /** The response_format type asked for, or "none". */
        public String formatType() {
            return body.path("response_format").path("type").asText("none");
        }
    }

    private record Scripted(int status, String body, String retryAfter) {
    }

    static {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the
        // client's delayed ACK (~40 ms a request), which would swamp any overhead measurement.
        // Read once when the JDK server's configuration class loads (the first server in the JVM).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-openai");
        t.setDaemon(true);
        return t;
    });
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> oneShots = new ArrayDeque<>();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger maxSeen = new AtomicInteger();
    private volatile Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    private volatile String content = "{\"tldr\":\"Default answer.\"}";
    private volatile Duration delay = Duration.ZERO;

    private FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the fake OpenAI server on 127.0.0.1", e);
        }
    }

    /** The API root, like {@code http://127.0.0.1:1234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Only these response formats are accepted (none: a plain-text-only server). */
    public FakeOpenAi supports(Capability... supported) {
        capabilities = supported.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(List.of(supported));
        return this;
    }

    /** The assistant message content of every successful answer. */
    public FakeOpenAi answer(String messageContent) {
        content = messageContent;
        return this;
    }

    /** Waits this long before answering each request. */
    public FakeOpenAi delay(Duration d) {
        delay = d;
        return this;
    }

    /** The next request gets this status and body (then the queue's next, then normal answers). */
    public FakeOpenAi thenStatus(int status, String body, String retryAfter) {
        synchronized (oneShots) {
            oneShots.add(new Scripted(status, body, retryAfter));
        }
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int maxConcurrent() {
        return maxSeen.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = current.incrementAndGet();
        maxSeen.accumulateAndGet(now, Math::max);
        try (exchange) {
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            requests.add(new Recorded(body, headers));
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Scripted scripted;
            synchronized (oneShots) {
                scripted = oneShots.poll();
            }
            if (scripted != null) {
                if (scripted.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
                }
                send(exchange, scripted.status(), scripted.body());
                return;
            }
            String type = body.path("response_format").path("type").asText("");
            if (type.equals("json_schema") && !capabilities.contains(Capability.JSON_SCHEMA)) {
                send(exchange, 400, "{\"error\":{\"message\":\"response_format type json_schema is not supported\"}}");
                return;
            }
            if (type.equals("json_object") && !capabilities.contains(Capability.JSON_OBJECT)) {
                send(exchange, 400, "{\"error\":{\"message\":\"response_format json_object is not supported by this server\"}}");
                return;
            }
            ObjectNode answer = json.createObjectNode();
            answer.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", body.path("model").asText());
            ObjectNode message = answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message");
            message.put("role", "assistant").put("content", content);
            send(exchange, 200, answer.toString());
        } catch (IOException e) {
            // the client went away (timeout test): nothing to answer
        } finally {
            current.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
