package io.github.tldrbot.discord.commands;

import static io.github.tldrbot.discord.commands.FeedCommandFixture.ANNOUNCE;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.FORUM;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.GUILD;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.HOOKS;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.ChannelSpec;
import io.github.tldrbot.testing.discord.Interactions;
import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /feed add|filter|list} with where cards go (SPEC §6.5, §7): thread, webhook-name, webhook-avatar, channel kinds. */
@ExtendWith(QuickAwaitility.class)
class FeedTargetCommandTest {
    @TempDir
    Path dir;
    private LiveFeed wire;
    private FeedCommandFixture bot;


    @BeforeEach
    void setUp() throws Exception {
        wire = new LiveFeed("Example Wire");
        wire.add("a-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.");
        bot = new FeedCommandFixture(dir, true, "");
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
        wire.close();
    }

    private static String text(Interactions.Builder command) {
        Interactions.Sent sent = command.send();
        assertThat(sent.ephemeral()).isTrue();
        return sent.awaitReply().path("content").asText();
    }

    private SubscriptionTarget targetIn(long channel) {
        long feed = bot.feeds.findByUrl(wire.url()).orElseThrow().id();
        Subscription sub = bot.subscriptions.findByChannelAndFeed(channel, feed).orElseThrow();
        return bot.subscriptions.targets().find(sub.id());
    }

    @Test
    void addWithAThreadAndAWebhookStoresThemAndListShowsThem() {
        String reply = text(bot.feed("add").string("url", wire.url()).channel("channel", HOOKS, "hooks").bool("thread", true)
                .string("webhook-name", "Release Radar").string("webhook-avatar", "https://cdn.example.org/radar.png"));
        assertThat(reply).contains("now follows").contains("a thread per card").contains("posted as **Release Radar**");
        assertThat(targetIn(HOOKS)).isEqualTo(new SubscriptionTarget(true, "Release Radar", "https://cdn.example.org/radar.png"));

        assertThat(text(bot.feed("list"))).contains("a thread per card · posted as **Release Radar** with avatar <https://cdn.example.org/radar.png>");
    }

    @Test
    void withoutManageWebhooksAddRefusesNamingThePermissionAndSubscribesNothing() {
        String reply = text(bot.feed("add").string("url", wire.url()).channel("channel", OTHER, "other")
                .string("webhook-name", "Release Radar"));
        assertThat(reply).contains("Manage Webhooks").contains("<#" + OTHER + ">").doesNotContain("\n").doesNotContain("Exception");
        assertThat(bot.feeds.findByUrl(wire.url())).isEmpty();
        assertThat(bot.subscriptions.listForGuild(GUILD)).isEmpty();
    }

    @Test
    void forumAndAnnouncementChannelsAreAcceptedButAThreadThereIsRefused() {
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", FORUM, "stories", ChannelSpec.FORUM)
                .bool("thread", true))).contains("thread:True is for text channels").contains("forum");
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", ANNOUNCE, "announcements", ChannelSpec.ANNOUNCEMENT)
                .bool("thread", true))).contains("thread:True is for text channels").contains("published");
        assertThat(bot.subscriptions.listForGuild(GUILD)).isEmpty();

        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", FORUM, "stories", ChannelSpec.FORUM)))
                .contains("<#" + FORUM + "> now follows");
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", ANNOUNCE, "announcements", ChannelSpec.ANNOUNCEMENT)))
                .contains("<#" + ANNOUNCE + "> now follows");
        assertThat(targetIn(FORUM)).isEqualTo(SubscriptionTarget.PLAIN);
    }

    @Test
    void badWebhookValuesGetAOneLineReply() {
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", HOOKS, "hooks")
                .string("webhook-name", "Radar").string("webhook-avatar", "not a url"))).contains("webhook-avatar").contains("http(s)");
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", HOOKS, "hooks")
                .string("webhook-avatar", "https://cdn.example.org/a.png"))).contains("webhook-avatar needs webhook-name");
        assertThat(text(bot.feed("add").string("url", wire.url()).channel("channel", HOOKS, "hooks")
                .string("webhook-name", "Discord News"))).contains("webhook-name").contains("discord");
        assertThat(bot.subscriptions.listForGuild(GUILD)).isEmpty();
    }

    @Test
    void filterChangesTheThreadAndWebhookAndNoneGoesBackToTheBot() {
        text(bot.feed("add").string("url", wire.url()).channel("channel", HOOKS, "hooks"));
        String id = Long.toString(bot.feeds.findByUrl(wire.url()).orElseThrow().id());

        assertThat(text(bot.feed("filter").string("feed", id).bool("thread", true).string("webhook-name", "Newsroom")))
                .contains("a thread per card").contains("posted as **Newsroom**");
        assertThat(targetIn(HOOKS)).isEqualTo(new SubscriptionTarget(true, "Newsroom", null));

        assertThat(text(bot.feed("filter").string("feed", id).string("webhook-name", "none"))).doesNotContain("posted as");
        assertThat(targetIn(HOOKS)).isEqualTo(new SubscriptionTarget(true, null, null));

        assertThat(text(bot.feed("filter").string("feed", id).string("webhook-avatar", "ftp://x.example/a.png")))
                .contains("webhook-avatar");
        assertThat(targetIn(HOOKS)).isEqualTo(new SubscriptionTarget(true, null, null));
    }
}
