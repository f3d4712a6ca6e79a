package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot in preview mode, wired as {@code run} wires it, against a feed on a local HTTP
 * server: the first poll prints the newest card only; a later poll prints the new article's card.
 */
class PreviewModeTest {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String feed(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local AI Wire</title>"
                + String.join("", items) + "</channel></rss>"; // no site link: item links resolve against the feed URL
    }

    /** Links go to {@code /articles/} on the test server (404): teaser pages are read, the internet never. */
    private static String item(String id, String title, Instant published, String text) {
        return "<item><title>" + title + "</title><link>/articles/" + id + "</link><guid>" + id
                + "</guid><pubDate>" + RFC_1123.format(published) + "</pubDate><description>" + text + "</description></item>";
    }

    @Test
    void firstPollPrintsTheNewestCardThenNewArticlesArePrinted() throws Exception {
        Instant now = Instant.now();
        String older = item("a1", "Open model Falcon 3 released under Apache 2.0", now.minusSeconds(7200),
                "The Falcon team released Falcon 3 today. Developers can download the weights from the model hub.");
        String newest = item("a2", "EU AI Act guidance published for general-purpose models", now.minusSeconds(3600),
                "The European Commission published guidance on the AI Act. Providers must comply by August, which means new obligations for model makers.");
        String fresh = item("a3", "Critical CVE-2026-4242 in popular inference server patched", now.minusSeconds(60),
                "A remote code execution vulnerability was fixed in version 1.4.2. Update now to stay safe.");
        AtomicReference<String> body = new AtomicReference<>(feed(newest, older));
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getUrl().encodedPath().startsWith("/articles/")) {
                        return new MockResponse.Builder().code(404).build();
                    }
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/rss+xml").body(body.get()).build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                    storage: {jdbcUrl: "jdbc:sqlite:%s"}
                    fetch: {allowPrivateNetworks: true, timeout: 5s}
                    polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                    feeds: [{url: "%s"}]
                    """.formatted(dir.resolve("bot.db"), server.url("/feed.xml")), "test");
            StringWriter out = new StringWriter();
            try (Bot bot = new Wiring(config, Clock.systemUTC()).previewBot(new PreviewCardPrinter(new PrintWriter(out, true)))) {
                bot.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("newest card"));
                assertThat(out.toString())
                        .contains("Local AI Wire — newest card (first poll: articles stored, none posted)")
                        .contains("EU AI Act guidance published")
                        .doesNotContain("Falcon 3");

                body.set(feed(fresh, newest, older));
                await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("new card"));
                Thread.sleep(1500); // one more cycle: nothing may be printed twice
                String printed = out.toString();
                assertThat(printed).contains("Critical CVE-2026-4242").contains("Security Teams");
                assertThat(printed.split("Critical CVE-2026-4242", -1)).hasSize(2);
                assertThat(printed).doesNotContain("Falcon 3");
            }
        }
    }
}
