package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.app.FreshnessBenchBot;
import io.github.tldrbot.testing.Headlines;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.WebSubHub;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.RecordedRequest;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness (SPEC §4.3): publish-to-post latency through the whole bot (real fetcher, SQLite, outbox,
 * delivery worker, JDA) against the Discord stand-in, for a polled feed and for a feed pushed by the
 * local WebSub hub stand-in. "Published" = the item appears in the feed document (and, for WebSub,
 * the hub is asked to publish it at that moment); "posted" = the stand-in Discord receives the card's
 * message. Each sample waits for its post, then pauses a random 0–1 s so publications fall at random
 * phases of the poll schedule.
 *
 * <p>Run: {@code mvn -o -q -Pbench test -Dtest=FreshnessBenchmark} ({@code -Dbench.samples=20},
 * {@code -Dbench.interval=5s}, {@code -Dbench.dispatchEvery=1s}). The WebSub run polls at 1h, so
 * only pushes can post within the run.
 */
@Tag("benchmark")
class FreshnessBenchmark {
    static final int SAMPLES = Math.min(Headlines.count(), Integer.getInteger("bench.samples", 20));
    static final String INTERVAL = System.getProperty("bench.interval", "5s");
    static final String DISPATCH_EVERY = System.getProperty("bench.dispatchEvery", "1s");
    static final long CHANNEL = 201;

    @TempDir
    Path dir;

    @Test
    void publishToPostLatencyPolledAndPushed() throws Exception {
        List<Long> polled = run(false, dir.resolve("polled"));
        List<Long> pushed = run(true, dir.resolve("pushed"));
        System.out.printf(Locale.ROOT, "freshness polled  (dispatchEvery=%s interval=%s): %s%n", DISPATCH_EVERY, INTERVAL, stats(polled));
        System.out.printf(Locale.ROOT, "freshness websub  (dispatchEvery=%s interval=1h, local hub): %s%n", DISPATCH_EVERY, stats(pushed));
        assertThat(polled).hasSize(SAMPLES);
        assertThat(pushed).hasSize(SAMPLES);
    }

    private List<Long> run(boolean webSub, Path runDir) throws Exception {
        java.nio.file.Files.createDirectories(runDir);
        List<Long> latencies = new ArrayList<>();
        try (FakeDiscord discord = FakeDiscord.builder().token("bench-token").botUser(10, "bot")
                .guild(g -> g.id(100).name("Bench").textChannel(CHANNEL, "news").systemChannel(CHANNEL)).build().start();
             WebSubHub hub = new WebSubHub();
             LiveFeed feed = new LiveFeed(webSub ? "Pushed Wire" : "Polled Wire")) {
            if (webSub) {
                feed.advertiseHub(hub.url());
            }
            feed.add("seed", "Seed story", "Seeded, never posted.");
            try (FreshnessBenchBot bot = FreshnessBenchBot.start(discord, runDir, feed.url(), CHANNEL, webSub ? "1h" : INTERVAL,
                    DISPATCH_EVERY, freePort())) {
                await().atMost(Duration.ofSeconds(60)).until(bot::seeded);
                if (webSub) {
                    await().atMost(Duration.ofSeconds(60)).until(bot::webSubActive);
                }
                for (int i = 1; i <= SAMPLES; i++) {
                    long before = posts(discord).count();
                    // distinct events: similar titles would be one story, edited instead of posted (SPEC §5.5)
                    feed.add("s" + i, Headlines.title(i), Headlines.body(i));
                    Instant published = Instant.now();
                    if (webSub) {
                        hub.publish(feed.url(), feed.body());
                    }
                    // the stand-in logs a request once it has answered it; its arrival time is the post's time
                    try {
                        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                                .until(() -> posts(discord).count() > before);
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        discord.requests().forEach(r -> System.out.println("stand-in saw: " + r.method() + " " + r.path() + " " + r.status()));
                        throw e;
                    }
                    Instant posted = posts(discord).map(RecordedRequest::time).max(Instant::compareTo).orElseThrow();
                    latencies.add(Duration.between(published, posted).toMillis());
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
                }
            }
        }
        return latencies;
    }

    private static java.util.stream.Stream<RecordedRequest> posts(FakeDiscord discord) {
        return discord.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("channels/" + CHANNEL + "/messages") && r.status() == 200);
    }

    private static String stats(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "n=%d p50=%dms p95=%dms max=%dms", sorted.size(), percentile(sorted, 50),
                percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
