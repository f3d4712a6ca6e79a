package io.github.tldrbot.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.schedule.PollCycleSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /health} and {@code GET /metrics} over real HTTP on 127.0.0.1 (SPEC §11). */
class StatusServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private StatusServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIs200WhenEveryCheckIsFineAnd503NamingWhatIsDown() throws Exception {
        AtomicReference<String> discord = new AtomicReference<>();
        server = new StatusServer("127.0.0.1", 0, new Health().check("store", () -> null).check("discord", discord::get), new BotMetrics());

        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"ok\"", "\"store\":\"ok\"", "\"discord\":\"ok\"");
        assertThat(up.headers().firstValue("Content-Type")).contains("application/json");

        discord.set("Discord gateway not connected: shard 0 RECONNECT_QUEUED");
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"down\"", "\"store\":\"ok\"", "shard 0 RECONNECT_QUEUED");
    }

    @Test
    void metricsAreThePrometheusTextOfWhatWasReported() throws Exception {
        BotMetrics metrics = new BotMetrics();
        server = new StatusServer("127.0.0.1", 0, new Health(), metrics);
        metrics.pollCycle(new PollCycleSummary(10, 3, 6, 0, 1, 4, 2, Duration.ofMillis(250)));
        metrics.sent(Duration.ofMillis(40));
        metrics.sent(Duration.ofMillis(60));
        metrics.retried();
        metrics.rateLimited();
        metrics.fellBack("timeout");
        metrics.answered();
        metrics.gauge("tldrbot.outbox", "outbox rows by status", () -> 7, "status", "pending");
        metrics.gauge("tldrbot.feeds", "feeds by state", () -> {
            throw new IllegalStateException("store down");
        }, "state", "failing");

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(response.body()).contains(
                "tldrbot_polls_total{outcome=\"ok\"} 3.0",
                "tldrbot_polls_total{outcome=\"failed\"} 1.0",
                "tldrbot_polls_total{outcome=\"not_modified\"} 6.0",
                "tldrbot_articles_new_total 4.0",
                "tldrbot_articles_posted_total 2.0",
                "tldrbot_poll_cycle_seconds_count 1",
                "tldrbot_deliveries_total{outcome=\"sent\"} 2.0",
                "tldrbot_deliveries_total{outcome=\"retry\"} 1.0",
                "tldrbot_send_seconds_count 2",
                "tldrbot_discord_rate_limited_total 1.0",
                "tldrbot_model_cards_total{outcome=\"fallback\"} 1.0",
                "tldrbot_model_fallbacks_total{cause=\"timeout\"} 1.0",
                "tldrbot_outbox{status=\"pending\"} 7.0",
                "tldrbot_feeds{state=\"failing\"} NaN",
                "jvm_memory_used_bytes");
    }

    @Test
    void otherMethodsAndPathsAreRefusedPlainly() throws Exception {
        server = new StatusServer("127.0.0.1", 0, new Health(), new BotMetrics());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> missing = get("/status");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/health", "/metrics");
    }
}
