package io.github.tldrbot.discord.commands;

import static io.github.tldrbot.discord.commands.FeedCommandFixture.GENERAL;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.GUILD;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.MUTED;
import static io.github.tldrbot.discord.commands.FeedCommandFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlReader;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.poll.PostedCard;
import io.github.tldrbot.poll.RefreshOutcome;
import io.github.tldrbot.testing.LiveFeed;
import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.testing.discord.Interactions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /feed import} and {@code /feed export} against the Discord stand-in with the real JDA: the
 * OPML file is an interaction attachment JDA downloads from the stand-in's CDN over 127.0.0.1, the
 * report and the export are files JDA uploads (multipart) with the reply.
 */
@ExtendWith(QuickAwaitility.class)
class FeedImportExportTest {
    @TempDir
    Path dir;
    private FeedCommandFixture bot;


    @AfterEach
    void tearDown() throws Exception {
        if (bot != null) {
            bot.close();
        }
    }

    private ObjectNode file(String name, String content) {
        return bot.discord.attachment(name, "text/x-opml; charset=utf-8", content.getBytes(StandardCharsets.UTF_8));
    }

    private static String opml(String outlines) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Feedly export</title></head><body>
                <outline text="Tech" title="Tech">
                %s
                </outline></body></opml>""".formatted(outlines);
    }

    private static ObjectNode reply(Interactions.Builder command) {
        Interactions.Sent sent = command.send();
        assertThat(sent.ephemeral()).as("moderator replies are ephemeral").isTrue();
        return sent.awaitReply();
    }

    private byte[] attached(ObjectNode message, String filename) {
        for (JsonNode a : message.path("attachments")) {
            if (a.path("filename").asText().equals(filename)) {
                return bot.discord.attachmentContent((ObjectNode) a);
            }
        }
        throw new AssertionError("no attachment " + filename + " in " + message);
    }

    @Test
    void importSubscribesTheChannelAndRepliesWithTheCountsAndProblems() throws Exception {
        bot = new FeedCommandFixture(dir, false, "");
        ObjectNode file = file("feeds.opml", opml("""
                <outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
                <outline type="rss" text="B" xmlUrl="https://b.example/rss"/>
                <outline type="rss" text="A again" xmlUrl="https://a.example/feed"/>
                <outline type="rss" text="Local" xmlUrl="http://192.168.1.10/feed"/>"""));

        ObjectNode answer = reply(bot.feed("import").attachment("file", file));

        String text = answer.path("content").asText();
        assertThat(text).startsWith("⚠️ Imported **feeds.opml** into <#" + GENERAL + ">: 2 subscribed, 1 duplicate in the file, 1 invalid.")
                .contains("only new ones will be posted")
                .contains("• line 7: invalid http://192.168.1.10/feed — 192.168.1.10 is a private address");
        assertThat(answer.path("attachments")).as("four lines fit the message").isEmpty();
        List<Subscription> subs = bot.subscriptions.listForChannel(GENERAL);
        assertThat(subs).hasSize(2).allSatisfy(s -> {
            assertThat(s.guildId()).isEqualTo(GUILD);
            assertThat(s.source()).isEqualTo(SubscriptionSource.COMMAND);
        });
        assertThat(bot.feeds.findByUrl("https://a.example/feed").orElseThrow().seeded()).as("left to the first poll").isFalse();
    }

    @Test
    void anImportedFeedIsSeededByItsFirstPollThenPostsOnlyNewArticles() throws Exception {
        try (LiveFeed wire = new LiveFeed("Example Wire")) {
            wire.add("a-1", "Acme ships Widget 2.0", "Acme released Widget 2.0 with a faster API. Download it today.")
                    .add("a-2", "Gizmo 3.1 patches CVE-2026-1111", "A vulnerability was fixed in Gizmo. Update to 3.1 now.");
            bot = new FeedCommandFixture(dir, true, "");
            reply(bot.feed("import").attachment("file", file("wire.opml", opml("<outline text=\"Wire\" xmlUrl=\"" + wire.url() + "\"/>"))));
            assertThat(wire.requests()).as("the import fetches nothing").isZero();
            List<PostedCard> posted = new CopyOnWriteArrayList<>();
            FeedRefresher refresher = new FeedRefresher(bot.fetcher, bot.parser::parse, bot.feeds, bot.articles,
                    new NewArticlePoster(bot.summarizer, bot.cards, posted::add, Clock.systemUTC()),
                    new PollIntervalPolicy(bot.config.polling()), bot.config.polling(), Clock.systemUTC());
            long id = bot.feeds.findByUrl(wire.url()).orElseThrow().id();

            RefreshOutcome first = refresher.refresh(bot.feeds.findById(id).orElseThrow());
            assertThat(first.posted()).isZero();
            assertThat(posted).allMatch(PostedCard::seedSample);
            assertThat(bot.articles.listByFeed(id, 10)).hasSize(2);

            posted.clear();
            wire.add("a-3", "Widget 2.1 fixes a crash", "Widget 2.1 fixes a crash on start. Upgrade when convenient.");
            RefreshOutcome second = refresher.refresh(bot.feeds.findById(id).orElseThrow());
            assertThat(second.posted()).isEqualTo(1);
            assertThat(posted).singleElement().satisfies(card -> assertThat(card.article().link()).isEqualTo(wire.link("a-3")));
        }
    }

    @Test
    void aLongReportComesAsATextFileAndTheGuildLimitHolds() throws Exception {
        bot = new FeedCommandFixture(dir, false, "limits: {feedsPerGuild: 3}");
        StringBuilder outlines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            outlines.append("<outline type=\"rss\" text=\"Feed ").append(i).append("\" xmlUrl=\"https://feed").append(i)
                    .append(".example/rss\"/>\n");
        }

        ObjectNode answer = reply(bot.feed("import").attachment("file", file("big.opml", opml(outlines.toString())))
                .channel("channel", OTHER, "other"));

        String text = answer.path("content").asText();
        assertThat(text).contains("into <#" + OTHER + ">: 3 subscribed, 37 over the feed limit.")
                .contains("…and 27 more problems in the attached report");
        assertThat(text.length()).isLessThanOrEqualTo(2000);
        String report = new String(attached(answer, "import-report.txt"), StandardCharsets.UTF_8);
        assertThat(report.lines()).hasSize(41).last().isEqualTo("3 subscribed, 37 over the feed limit");
        assertThat(report).contains("line 43: over the feed limit https://feed39.example/rss — This server already follows 3 feeds");
        assertThat(bot.subscriptions.listForGuild(GUILD)).hasSize(3).allMatch(s -> s.channelId() == OTHER);
    }

    @Test
    void aFileThatIsNotOpmlGetsAOneLineAnswerAndChangesNothing() throws Exception {
        bot = new FeedCommandFixture(dir, false, "");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body>&x;</body></opml>";

        String text = reply(bot.feed("import").attachment("file", file("evil.opml", xxe))).path("content").asText();

        assertThat(text).contains("evil.opml is not an OPML file: it declares a DOCTYPE").doesNotContain("root:")
                .doesNotContain("Exception").doesNotContain("\n");
        String notXml = reply(bot.feed("import").attachment("file", file("notes.txt", "hello"))).path("content").asText();
        assertThat(notXml).contains("notes.txt is not an OPML file: malformed XML");
        assertThat(bot.subscriptions.listAll()).isEmpty();
    }

    @Test
    void importIntoAChannelTheBotCannotPostInIsRefused() throws Exception {
        bot = new FeedCommandFixture(dir, false, "");
        String text = reply(bot.feed("import").attachment("file", file("feeds.opml", opml("<outline xmlUrl=\"https://a.example/feed\"/>")))
                .channel("channel", MUTED, "muted")).path("content").asText();
        assertThat(text).contains("I cannot post in <#" + MUTED + ">: missing permission Send Messages");
        assertThat(bot.subscriptions.listAll()).isEmpty();
    }

    @Test
    void exportRepliesWithAnOpmlFileOfTheGuildsFeedsByChannel() throws Exception {
        bot = new FeedCommandFixture(dir, false, "");
        assertThat(reply(bot.feed("export")).path("content").asText()).contains("nothing to export");
        reply(bot.feed("import").attachment("file", file("feeds.opml", opml("""
                <outline text="A" xmlUrl="https://a.example/feed"/>
                <outline text="Repo" xmlUrl="https://github.com/rometools/rome"/>"""))));
        reply(bot.feed("import").attachment("file", file("more.opml", opml("<outline text=\"C\" xmlUrl=\"https://c.example/feed\"/>")))
                .channel("channel", OTHER, "other"));
        bot.otherGuildUi.slash("feed").sub("import").moderator()
                .attachment("file", file("x.opml", opml("<outline text=\"X\" xmlUrl=\"https://x.example/feed\"/>"))).send().awaitReply();

        ObjectNode answer = reply(bot.feed("export"));

        assertThat(answer.path("content").asText()).contains("3 subscriptions");
        List<OpmlEntry> entries = new OpmlReader().read(attached(answer, "tldr-bot-feeds.opml"));
        assertThat(entries).extracting(OpmlEntry::xmlUrl, OpmlEntry::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://a.example/feed", "#general"),
                org.assertj.core.groups.Tuple.tuple("https://github.com/rometools/rome/releases.atom", "#general"),
                org.assertj.core.groups.Tuple.tuple("https://c.example/feed", "#other"));
    }
}
