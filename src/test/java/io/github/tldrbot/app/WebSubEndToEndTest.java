package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.WebSubStore;
import io.github.tldrbot.store.WebSubSubscription;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.WebSubHub;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.usecase.Unsubscribe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSub end to end (SPEC §4.3): the whole bot — real JDA against the Discord stand-in, real fetcher,
 * real SQLite, the status server — with a feed that advertises the local hub stand-in.
 */
class WebSubEndToEndTest {
    private static final String TOKEN = "MTAw.stand-in-token.xyz";
    private static final long GUILD = 100;
    private static final long GENERAL = 201;
    /** lease asked, verification timeout, first retry wait, check interval (ms) */
    private static final String TIMINGS = "600000,3000,500,300";

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private LiveFeed feed;
    private WebSubHub hub;
    private Launcher.Running bot;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(Observability.BIND_PROPERTY, "127.0.0.1");
        System.setProperty(Wiring.WEBSUB_TIMINGS_PROPERTY, TIMINGS);
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(GENERAL, "general").systemChannel(GENERAL)).build().start();
        hub = new WebSubHub();
        feed = new LiveFeed("Pushed Wire").advertiseHub(hub.url());
        feed.add("old", "An older story", "Seeded, never posted.");
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        hub.close();
        feed.close();
        discord.close();
        System.clearProperty(Observability.BIND_PROPERTY);
        System.clearProperty(Wiring.WEBSUB_TIMINGS_PROPERTY);
    }

    /** @param interval every poll interval bound: 1h shows a push is not a poll, 1s that polling goes on */
    private void start(String interval) throws Exception {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s"}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s, maxBodySize: 64KB}
                polling: {dispatchEvery: 1s, minInterval: %6$s, defaultInterval: %6$s, maxInterval: %6$s, maxPostsPerPoll: 25}
                server: {port: %5$d, publicUrl: "http://127.0.0.1:%5$d/"}
                feeds:
                  - {url: "%7$s", channel: "%8$d"}
                """.formatted(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), dir.resolve("bot.db"), port, interval,
                feed.url(), GENERAL), "websub test");
        bot = Launcher.start(config, new PrintWriter(new StringWriter()), Clock.systemUTC());
    }

    private Optional<WebSubSubscription> row() {
        List<FeedRecord> feeds = bot.bot().stores().feeds.listAll();
        return feeds.isEmpty() ? Optional.empty() : new WebSubStore(bot.bot().stores().database).findByFeed(feeds.get(0).id());
    }

    private String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitSubscribed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.subscriptions().size() == 1
                && row().map(r -> r.state().equals(WebSubSubscription.ACTIVE)).orElse(false));
    }

    @Test
    void aFeedWithAHubIsSubscribedAndItsSignedPushIsPostedLongBeforeTheNextPoll() throws Exception {
        start("1h");
        awaitSubscribed();

        Map<String, String> request = hub.requests().get(0);
        assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", feed.url())
                .containsEntry("hub.lease_seconds", "600");
        assertThat(request.get("hub.callback")).startsWith("http://127.0.0.1:" + port + "/websub/");
        String callbackId = request.get("hub.callback").substring(request.get("hub.callback").lastIndexOf('/') + 1);
        assertThat(callbackId).hasSizeGreaterThanOrEqualTo(32);
        assertThat(request.get("hub.secret")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(hub.verifications()).singleElement().satisfies(v -> assertThat(v.echoed()).isTrue());

        feed.add("fresh", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.");
        assertThat(hub.publish(feed.url(), feed.body())).containsExactly(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.messages(GENERAL).size() >= 1);
        assertThat(discord.messages(GENERAL)).singleElement()
                .satisfies(m -> assertThat(m.path("embeds").get(0).path("url").asText()).isEqualTo(feed.link("fresh")));

        // forged: signed with another secret, or not signed at all — 2xx, but ignored and counted
        feed.add("forged", "Forged story", "Nobody published this.");
        assertThat(hub.publish(feed.url(), feed.body(), "sha256", "not-the-secret")).containsExactly(202);
        assertThat(hub.publish(feed.url(), feed.body(), "sha1", "")).containsExactly(202);
        Thread.sleep(1500);
        assertThat(discord.messages(GENERAL)).hasSize(1);

        // every method the recommendation names is accepted
        assertThat(hub.publish(feed.url(), feed.body(), "sha512", null)).containsExactly(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.messages(GENERAL).size() >= 2);
        assertThat(discord.messages(GENERAL).get(1).path("embeds").get(0).path("url").asText()).isEqualTo(feed.link("forged"));

        // over fetch.maxBodySize: refused like an oversized fetch
        assertThat(hub.publish(feed.url(), feed.body() + "<!--" + "x".repeat(70_000) + "-->")).containsExactly(413);

        String metrics = metrics();
        assertThat(metrics).contains("tldrbot_websub_pushes_received_total 5.0", "tldrbot_websub_pushes_accepted_total 2.0",
                "tldrbot_websub_pushes_rejected_total{reason=\"too_large\"} 1.0",
                "tldrbot_websub_pushes_rejected_total{reason=\"signature\"} 2.0", "tldrbot_websub_subscriptions_active 1.0");
    }

    @Test
    void aVerificationForATopicWeDidNotAskForIsRefused() throws Exception {
        hub.verifyWithTopic("http://127.0.0.1:9/someone-elses-feed");
        start("1h");
        await().atMost(Duration.ofSeconds(20)).until(() -> !hub.verifications().isEmpty());
        assertThat(hub.verifications().get(0)).satisfies(v -> {
            assertThat(v.status()).isEqualTo(404);
            assertThat(v.echoed()).isFalse();
        });
        assertThat(hub.subscriptions()).isEmpty();
        // the verification never comes: the request counts as failed and is tried again later
        await().atMost(Duration.ofSeconds(20)).until(() -> row().map(r -> r.state().equals(WebSubSubscription.FAILED)).orElse(false));
        assertThat(row().orElseThrow().lastError()).contains("did not verify");
    }

    @Test
    void theLeaseIsRenewedBeforeItEndsWithTheSameCallbackAndSecret() throws Exception {
        hub.grantLease(2);
        start("1h");
        awaitSubscribed();
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.verifications().stream().filter(WebSubHub.Verification::echoed).count() >= 2);
        List<Map<String, String>> requests = hub.requests();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests).extracting(r -> r.get("hub.callback")).containsOnly(requests.get(0).get("hub.callback"));
        assertThat(requests).extracting(r -> r.get("hub.secret")).containsOnly(requests.get(0).get("hub.secret"));
        assertThat(row().orElseThrow().leaseSeconds()).isEqualTo(2);

        // the hub ends it (hub.mode=denied): recorded, not renewed for a long while
        assertThat(hub.deny(requests.get(0).get("hub.callback"), feed.url(), "publisher opted out")).isEqualTo(200);
        assertThat(row().orElseThrow()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(WebSubSubscription.DENIED);
            assertThat(r.lastError()).contains("publisher opted out");
        });
        assertThat(hub.deny(requests.get(0).get("hub.callback"), "http://127.0.0.1:9/other", "x")).as("another topic").isEqualTo(404);
    }

    @Test
    void withTheHubDownPollingGoesOnAndTheSubscriptionIsRetried() throws Exception {
        hub.down(true);
        start("1s");
        await().atMost(Duration.ofSeconds(20)).until(() -> row().map(r -> r.state().equals(WebSubSubscription.FAILED)).orElse(false));
        assertThat(row().orElseThrow().lastError()).contains("HTTP 503");

        feed.add("polled", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed. Update to 3.1 now.");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.messages(GENERAL).size() >= 1);
        assertThat(discord.messages(GENERAL).get(0).path("embeds").get(0).path("url").asText()).isEqualTo(feed.link("polled"));

        hub.down(false);
        awaitSubscribed();
    }

    @Test
    void removingTheLastSubscriptionUnsubscribesFromTheHub() throws Exception {
        start("1h");
        awaitSubscribed();
        String callback = hub.subscriptions().get(0).callback();
        hub.verifyBeforeAnswering(true); // the check arrives before the hub's answer: the row must already be unsubscribing
        Stores stores = bot.bot().stores();
        FeedRecord record = stores.feeds.listAll().get(0);
        Unsubscribe.Unsubscribed removed = new Unsubscribe(stores.database, stores.feeds, stores.subscriptions, Set.of())
                .run(GUILD, record, GENERAL);
        assertThat(removed.feedDropped()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.subscriptions().isEmpty());
        assertThat(hub.requests()).last().satisfies(r -> assertThat(r).containsEntry("hub.mode", "unsubscribe")
                .containsEntry("hub.callback", callback));
        await().atMost(Duration.ofSeconds(10)).until(() -> new WebSubStore(stores.database).findByCallback(
                callback.substring(callback.lastIndexOf('/') + 1)).isEmpty());
        // the hub's later pushes to the old callback are answered 404: it drops them
        assertThat(hub.deny(callback, feed.url(), "late")).isEqualTo(404);
    }
}
