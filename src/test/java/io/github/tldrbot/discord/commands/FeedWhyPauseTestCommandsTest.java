package io.github.tldrbot.discord.commands;

import static io.github.tldrbot.discord.commands.FeedCommandFixture.GENERAL;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.GUILD;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.MUTED;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.delivery.OutboxCardSink;
import io.github.tldrbot.poll.FeedDocumentParser;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.Interactions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feed why}, {@code pause}, {@code resume} and {@code test} against the Discord stand-in with
 * the real JDA, fetcher, parser, poller, outbox sink and SQLite (SPEC §6.5, §7).
 */
@ExtendWith(QuickAwaitility.class)
class FeedWhyPauseTestCommandsTest {
    /** The member id the stand-in's interactions carry. */
    private static final long MODERATOR = 5555;

    @TempDir
    Path dir;
    private LiveFeed wire;
    private FeedCommandFixture bot;
    private FeedRefresher refresher;


    @BeforeEach
    void setUp() throws Exception {
        wire = new LiveFeed("Example Wire");
        wire.add("a-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.")
                .add("a-2", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed in Gizmo. Update to 3.1 now.");
        bot = new FeedCommandFixture(dir, true, "");
        OutboxCardSink sink = new OutboxCardSink(bot.subscriptions, bot.deliveries, () -> { }, Clock.systemUTC());
        refresher = new FeedRefresher(bot.fetcher, FeedDocumentParser.skippingKnown(bot.parser), bot.feeds, bot.articles,
                new NewArticlePoster(bot.summarizer, bot.cards, sink, Clock.systemUTC()),
                new PollIntervalPolicy(bot.config.polling()), bot.config.polling(), Clock.systemUTC());
        String added = text(bot.feed("add").string("url", wire.url()));
        assertThat(added).contains("now follows");
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
        wire.close();
    }

    private static ObjectNode reply(Interactions.Builder command) {
        Interactions.Sent sent = command.send();
        assertThat(sent.ephemeral()).as("moderator replies are ephemeral").isTrue();
        return sent.awaitReply();
    }

    private static String text(Interactions.Builder command) {
        return reply(command).path("content").asText();
    }

    private long feedId() {
        return bot.feeds.findByUrl(wire.url()).orElseThrow().id();
    }

    private Subscription subscription(long channel) {
        return bot.subscriptions.findByChannelAndFeed(channel, feedId()).orElseThrow();
    }

    private void poll() {
        refresher.refresh(bot.feeds.findById(feedId()).orElseThrow());
    }

    private Delivery delivery(long channel, String id) {
        StoredArticle article = bot.articles.listByFeed(feedId(), 50).stream()
                .filter(a -> a.article().link().equals(wire.link(id))).findFirst().orElseThrow();
        return bot.deliveries.listForSubscription(subscription(channel).id()).stream()
                .filter(d -> d.articleId() == article.id()).findFirst().orElseThrow();
    }

    @Test
    void theFourSubcommandsAreRegisteredWithTheirOptions() {
        ObjectNode feed = bot.discord.commands(null).stream().filter(c -> c.path("name").asText().equals("feed")).findFirst().orElseThrow();
        List<String> options = new java.util.ArrayList<>();
        feed.path("options").forEach(sub -> {
            StringBuilder names = new StringBuilder(sub.path("name").asText()).append(':');
            sub.path("options").forEach(o -> names.append(' ').append(o.path("name").asText()));
            options.add(names.toString());
        });
        assertThat(options).contains("why: article channel", "pause: feed channel", "resume: feed channel catch-up",
                "test: feed channel");
    }

    @Test
    void whyTellsSeededWaitingPostedAndNotFoundWithWhatWasSearched() {
        assertThat(text(bot.feed("why").string("article", wire.link("a-1")))).contains("Acme ships Widget 2.0")
                .contains("Not posted").containsAnyOf("first polled", "already stored when this channel subscribed");

        wire.add("a-3", "Widget 2.1 fixes a crash", "Widget 2.1 fixes a crash on start. Upgrade when convenient.");
        poll();
        assertThat(text(bot.feed("why").string("article", "widget 2.1 crash"))).contains("Widget 2.1 fixes a crash")
                .contains("Still waiting to be sent");

        bot.deliveries.markSent(delivery(GENERAL, "a-3").id(), "424242", java.time.Instant.now());
        assertThat(text(bot.feed("why").string("article", wire.link("a-3"))))
                .contains("Posted").contains("https://discord.com/channels/" + GUILD + "/" + GENERAL + "/424242");

        assertThat(text(bot.feed("why").string("article", "widget"))).contains("2 articles match titles containing \"widget\"")
                .contains("Widget 2.1 fixes a crash").contains("Acme ships Widget 2.0");
        assertThat(text(bot.feed("why").string("article", "quantum computing")))
                .contains("No article with titles containing \"quantum\" and \"computing\" among the 1 feed <#" + GENERAL + ">");
        assertThat(text(bot.feed("why").string("article", "widget").channel("channel", OTHER, "other")))
                .contains("<#" + OTHER + "> subscribes to no feed");
    }

    @Test
    void pauseIsShownWithWhoAndSinceIsNotAnnouncedAndResumeCatchesUpOnlyWhenAsked() {
        String paused = text(bot.feed("pause").string("feed", Long.toString(feedId())));
        assertThat(paused).contains("Paused **Example Wire** in <#" + GENERAL + ">");
        assertThat(subscription(GENERAL).status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(text(bot.feed("pause").string("feed", Long.toString(feedId())))).contains("already paused by <@" + MODERATOR + ">");
        assertThat(text(bot.feed("list"))).contains("⏸️ paused by <@" + MODERATOR + "> since <t:");
        assertThat(text(bot.feed("status"))).contains("⏸️ <#" + GENERAL + "> paused by <@" + MODERATOR + "> since <t:");
        assertThat(bot.discord.messages(GENERAL)).as("a moderator's pause is not announced").isEmpty();

        wire.add("a-3", "Widget 2.1 fixes a crash", "Widget 2.1 fixes a crash on start. Upgrade when convenient.");
        poll();
        assertThat(text(bot.feed("why").string("article", wire.link("a-3")))).contains("paused when it arrived");
        assertThat(bot.deliveries.listForSubscription(subscription(GENERAL).id())).isEmpty();

        String resumed = text(bot.feed("resume").string("feed", Long.toString(feedId())).bool("catch-up", true));
        assertThat(resumed).contains("Resumed **Example Wire**").contains("1 article that arrived while it was paused will be posted");
        assertThat(bot.deliveries.listForSubscription(subscription(GENERAL).id())).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));
        assertThat(subscription(GENERAL).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(text(bot.feed("resume").string("feed", Long.toString(feedId())))).contains("is not paused");
    }

    @Test
    void resumeWithoutCatchUpPostsNothingThatArrivedMeanwhile() {
        text(bot.feed("pause").string("feed", Long.toString(feedId())));
        wire.add("a-3", "Widget 2.1 fixes a crash", "Widget 2.1 fixes a crash on start. Upgrade when convenient.");
        poll();
        assertThat(text(bot.feed("resume").string("feed", Long.toString(feedId())))).contains("are not posted");
        assertThat(bot.deliveries.listForSubscription(subscription(GENERAL).id())).isEmpty();

        wire.add("a-4", "Gizmo 3.2 ships", "Gizmo 3.2 is out with fixes. Update now.");
        poll();
        assertThat(bot.deliveries.listForSubscription(subscription(GENERAL).id())).as("posting goes on after resume").hasSize(1);
    }

    @Test
    void testPostsTheNewestCardMarkedAsATestAndRecordsNothing() {
        String reply = text(bot.feed("test").string("feed", Long.toString(feedId())));
        assertThat(reply).contains("Posted a test card of **Gizmo 3.1 patches CVE-2026-1111**")
                .contains("https://discord.com/channels/" + GUILD + "/" + GENERAL + "/");
        List<ObjectNode> messages = bot.discord.messages(GENERAL);
        assertThat(messages).singleElement().satisfies(m -> {
            ObjectNode embed = (ObjectNode) m.path("embeds").get(0);
            assertThat(embed.path("author").path("name").asText()).startsWith("🧪 Test post — not recorded · Example Wire");
            assertThat(embed.path("url").asText()).isEqualTo(wire.link("a-2"));
        });
        assertThat(reply).contains(messages.get(0).path("id").asText());
        assertThat(bot.deliveries.listForSubscription(subscription(GENERAL).id())).as("not recorded as delivered").isEmpty();

        text(bot.feed("test").string("feed", Long.toString(feedId())));
        assertThat(bot.discord.messages(GENERAL)).as("a second test posts again (its own nonce)").hasSize(2);
    }

    @Test
    void aTestPostWhereTheBotCannotPostIsExplained() {
        String reply = text(bot.feed("test").string("feed", Long.toString(feedId())).channel("channel", MUTED, "muted"));
        assertThat(reply).contains("Could not post the test card in <#" + MUTED + ">").contains("Send Messages");
        assertThat(bot.discord.messages(MUTED)).isEmpty();
    }
}
