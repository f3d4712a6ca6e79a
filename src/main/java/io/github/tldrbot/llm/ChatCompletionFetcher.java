package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one chat-completions request and returns the message content, or throws a
 * {@link ModelCallException} with a stable cause key. The whole exchange (headers and body) is
 * bounded by {@code timeout}. The API key goes only into the {@code Authorization} header and is
 * scrubbed from any server text kept in an exception. Thread-safe.
 */
final class ChatCompletionFetcher {

    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final Clock clock;

    ChatCompletionFetcher(HttpClient http, ObjectMapper json, String baseUrl, String apiKey, Duration timeout, Clock clock) {
        this.http = http;
        this.json = json;
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.endpoint = URI.create(base + "/chat/completions");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.timeout = timeout;
        this.clock = clock;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The assistant message content of the answer to {@code body}. */
    String complete(ObjectNode body, Duration budget) throws ModelCallException, InterruptedException {
        Duration limit = budget.compareTo(timeout) < 0 ? budget : timeout;
        if (limit.isNegative() || limit.isZero()) {
            throw new ModelCallException("timeout", "no time left for the request within summarizer.openai.timeout " + timeout);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(limit)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = send(request.build(), limit);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw httpError(response);
        }
        try {
            JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual() || content.asText().isBlank()) {
                throw new ModelCallException("empty-output", "the server answered without message content; check summarizer.openai.model");
            }
            return content.asText();
        } catch (IOException e) {
            throw new ModelCallException("invalid-output", "the server's answer is not chat-completions JSON; check summarizer.openai.baseUrl (usually ends in /v1)");
        }
    }

    private HttpResponse<String> send(HttpRequest request, Duration limit) throws ModelCallException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return future.get(limit.toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeoutError();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timeoutError();
            }
            if (cause instanceof ConnectException) {
                throw new ModelCallException("connection", "cannot connect to " + endpoint + "; is the model server running? (summarizer.openai.baseUrl)");
            }
            String what = cause == null ? e.getClass().getSimpleName() : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
            throw new ModelCallException("connection", "request to " + endpoint + " failed (" + scrub(what) + ")");
        }
    }

    private ModelCallException timeoutError() {
        return new ModelCallException("timeout", "no answer from " + endpoint + " within " + timeout
                + "; raise summarizer.openai.timeout or use a smaller model");
    }

    private ModelCallException httpError(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = scrub(firstLine(response.body() == null ? "" : response.body()));
        if (body.length() > MAX_ERROR_BODY) {
            body = body.substring(0, MAX_ERROR_BODY) + "…";
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
        String hint = switch (status) {
            case 401, 403 -> "; check summarizer.openai.apiKey";
            case 404 -> "; check summarizer.openai.baseUrl and model";
            case 429 -> "; the provider's rate limit: lower summarizer.openai.requestsPerMinute";
            default -> "";
        };
        String cause = status == 429 ? "rate-limited" : "http-" + status;
        return new ModelCallException(cause, "HTTP " + status + " from " + endpoint + hint + (body.isEmpty() ? "" : " (" + body + ")"),
                status, body, retryAfter);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when unreadable. */
    private Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private String scrub(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, "****");
    }

    private static String firstLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t;
    }
}
