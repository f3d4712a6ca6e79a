package io.github.tldrbot.websub;

import io.github.tldrbot.threads.DaemonThreads;
import io.github.tldrbot.feed.HubAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends subscribe and unsubscribe requests to a hub (WebSub §5.1): a form POST, answered 202 (or any
 * 2xx) when the hub will verify. A hub URL comes from a feed, so it obeys the private-address rule of
 * {@code fetch.allowPrivateNetworks}, and redirects are not followed.
 */
final class HubClient implements AutoCloseable {
    private final java.util.concurrent.ExecutorService executor;
    private final HttpClient http;
    private final WebSubSettings settings;
    private final HubAddresses addresses;

    HubClient(WebSubSettings settings) {
        this.settings = settings;
        this.addresses = new HubAddresses(settings.allowPrivateNetworks());
        // our own executor, so close() can stop the client's threads (Java 17's HttpClient has no close)
        this.executor = java.util.concurrent.Executors.newCachedThreadPool(DaemonThreads.named("websub-hub-client"));
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param mode {@code subscribe} or {@code unsubscribe}
     * @return empty when the hub accepted the request, else one line saying why not
     */
    Optional<String> request(String mode, String hubUrl, String topic, String callbackUrl, String secret) {
        URI hub;
        try {
            hub = URI.create(hubUrl);
        } catch (IllegalArgumentException e) {
            return Optional.of("the hub URL " + hubUrl + " is not a URL");
        }
        Optional<String> refused = addresses.refusal(hub);
        if (refused.isPresent()) {
            return Optional.of("the hub " + hubUrl + " is refused: " + refused.get());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", topic);
        form.put("hub.callback", callbackUrl);
        if (mode.equals("subscribe")) {
            form.put("hub.secret", secret);
            form.put("hub.lease_seconds", Long.toString(settings.requestedLease().toSeconds()));
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(hub).timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", settings.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Optional.empty();
            }
            String said = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
            return Optional.of("the hub answered HTTP " + response.statusCode()
                    + (said.isEmpty() ? "" : ": " + said.substring(0, Math.min(200, said.length()))));
        } catch (IOException e) {
            return Optional.of("the hub " + hubUrl + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while calling the hub");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
