package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.testing.LiveFeed;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.Interactions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feed add} in the whole bot started as {@code run} starts it (Discord mode, commands per
 * guild): the command is registered for the guild, and a feed added by command is seeded without
 * posting — the poller then posts only what appears afterwards (SPEC §4.4, §7).
 */
class FeedCommandEndToEndTest {
    static final long GUILD = 100;
    static final long NEWS = 201;

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private LiveFeed feed;
    private Launcher.Running bot;

    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aFeedAddedByCommandPostsNothingOldThenExactlyTheNewArticle() throws Exception {
        discord = FakeDiscord.builder().token("MTAw.stand-in.xyz").botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(NEWS, "news")).build().start();
        feed = new LiveFeed("Example Wire");
        feed.add("old-1", "Older story one", "Nothing new here at all.").add("old-2", "Older story two", "Still nothing new.");
        bot = Launcher.start(new ConfigLoader(DefaultAudiences.list()).parse("""
                discord: {token: "%s", apiBaseUrl: "%s", gatewayUrl: "%s", commandGuilds: ["%d"]}
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 5s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                """.formatted(discord.token(), discord.apiBaseUrl(), discord.gatewayUrl(), GUILD, dir.resolve("bot.db")), "e2e"),
                new PrintWriter(new StringWriter()), Clock.systemUTC());

        ObjectNode registered = discord.commands(GUILD).stream().filter(c -> c.path("name").asText().equals("feed"))
                .findFirst().orElseThrow();
        assertThat(registered.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(registered.path("contexts").get(0).asText()).isEqualTo("0");
        assertThat(discord.requests()).anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/guilds/" + GUILD + "/commands"));

        Interactions ui = new Interactions(discord, GUILD, NEWS, "news");
        Interactions.Sent sent = ui.slash("feed").sub("add").string("url", feed.url()).moderator().send();
        assertThat(sent.ephemeral()).isTrue();
        assertThat(sent.awaitReplyText()).contains("now follows **Example Wire**");
        Instant added = Instant.now();

        // The poller polls the feed again (at least once after the add) and posts nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> feedRow().lastPolledAt() != null
                && feedRow().lastPolledAt().isAfter(added.plusMillis(500)));
        assertThat(discord.messages(NEWS)).isEmpty();

        feed.add("new-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.");
        await().atMost(Duration.ofSeconds(20)).until(() -> !discord.messages(NEWS).isEmpty());
        Thread.sleep(1500); // two more polls: still exactly one card
        List<ObjectNode> posted = discord.messages(NEWS);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).path("embeds").get(0).path("url").asText()).isEqualTo(feed.link("new-1"));
    }

    private FeedRecord feedRow() {
        return bot.bot().stores().feeds.findByUrl(feed.url()).orElseThrow();
    }
}
