package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.app.BotHarness;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.GuildSpec;
import io.github.tldrbot.testing.discord.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery pacing: N new cards to each of M channels through the whole bot (poll → outbox →
 * delivery lanes → JDA) against the Discord stand-in enforcing Discord's per-channel limit of 5
 * messages per 5 s. Figures: achieved posts per second per channel against the allowed rate, the
 * time an ideal sender would need (⌈N/5⌉−1 windows) against the time taken, and 429 responses.
 *
 * <p>Run: {@code mvn -Pbench test -Dtest=DeliveryPacingBenchmark}.
 */
@Tag("benchmark")
class DeliveryPacingBenchmark {
    static final int CHANNELS = Integer.getInteger("bench.channels", 4);
    static final int CARDS = Integer.getInteger("bench.cards", 30);
    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void cardsToChannelsUnderDiscordsPerChannelLimit() throws Exception {
        Consumer<GuildSpec.Builder> guild = g -> {
            g.id(100).name("Bench");
            for (int c = 0; c < CHANNELS; c++) {
                g.textChannel(1000 + c, "ch" + c);
            }
            g.systemChannel(1000);
        };
        try (FakeDiscord discord = FakeDiscord.builder().token("bench-token").botUser(10, "bot").guild(guild)
                .messageRateLimit(LIMIT, WINDOW).build().start();
             LiveFeed feed = new LiveFeed("Bench Wire")) {
            StringBuilder feeds = new StringBuilder();
            for (int c = 0; c < CHANNELS; c++) {
                feeds.append("  - {url: \"").append(feed.url()).append("\", channel: \"").append(1000 + c).append("\"}\n");
            }
            try (BotHarness bot = BotHarness.discord(discord, dir, feeds.toString(), CARDS)) {
                bot.awaitSeeded();
                for (int i = 1; i <= CARDS; i++) {
                    feed.add("card-" + i, "Benchmark story " + i, "Body " + i + ".");
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    for (int c = 0; c < CHANNELS; c++) {
                        if (discord.messages(1000 + c).size() < CARDS) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            double allowed = LIMIT / (double) WINDOW.toSeconds();
            double idealSeconds = (Math.ceil(CARDS / (double) LIMIT) - 1) * WINDOW.toSeconds();
            double sumRate = 0;
            double sumEfficiency = 0;
            int total429 = 0;
            for (int c = 0; c < CHANNELS; c++) {
                long channel = 1000 + c;
                List<Instant> sent = discord.requests().stream()
                        .filter(r -> r.method().equals("POST") && r.path().startsWith("channels/" + channel + "/messages") && r.status() == 200)
                        .map(RecordedRequest::time).sorted().toList();
                double seconds = Duration.between(sent.get(0), sent.get(sent.size() - 1)).toMillis() / 1000.0;
                double rate = (sent.size() - 1) / Math.max(seconds, 0.001);
                sumRate += rate;
                sumEfficiency += idealSeconds / seconds;
                total429 += discord.count429(channel);
                System.out.printf("channel %d: posted=%d span=%.2fs ideal=%.2fs efficiency=%.1f%% rate=%.2f/s 429s=%d%n",
                        channel, sent.size(), seconds, idealSeconds, 100 * idealSeconds / seconds, rate, discord.count429(channel));
            }
            double meanRate = sumRate / CHANNELS;
            // First-to-last rate over bursts of 5 exceeds 5/5 s (the first burst costs no wait), so
            // the honest figure is the time an ideal sender needs under the same limit: the baseline.
            System.out.printf("pacing: channels=%d cards/channel=%d limit=%d per %ds (%.2f/s); achieved %.1f%% of the allowed rate"
                    + " (ideal sender %.2fs per channel, mean first-to-last rate %.2f/s); 429 responses=%d%n",
                    CHANNELS, CARDS, LIMIT, WINDOW.toSeconds(), allowed, 100 * sumEfficiency / CHANNELS, idealSeconds, meanRate, total429);
            assertThat(total429).isLessThanOrEqualTo(CHANNELS * 2);
        }
    }
}
