package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlReader;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-opml} and {@code export-opml} (SPEC §2): output per entry, exit codes, one-line errors, no Discord. */
class OpmlCommandsTest {
    @TempDir
    Path dir;
    private StringWriter out;
    private StringWriter err;
    private Path config;
    private Path db;

    @BeforeEach
    void config() throws Exception {
        db = dir.resolve("bot.db");
        config = Files.writeString(dir.resolve("bot.yaml"), "storage: {jdbcUrl: \"jdbc:sqlite:" + db + "\"}\nlimits: {feedsPerGuild: 5}\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path opml(String outlines) throws Exception {
        return Files.writeString(dir.resolve("feeds.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="1.0"><head><title>Reader export</title></head><body>
                <outline text="News">
                %s
                </outline></body></opml>""".formatted(outlines));
    }

    @Test
    void importSubscribesTheChannelAndPrintsOneLinePerEntry() throws Exception {
        Path file = opml("""
                <outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
                <outline type="rss" text="Sub" xmlUrl="https://www.reddit.com/r/java"/>
                <outline type="rss" text="A again" xmlUrl="https://a.example/feed"/>
                <outline type="rss" text="Bad" xmlUrl="gopher://old.example/"/>""");

        int code = run("import-opml", file.toString(), "--channel", "777", "--config", config.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "line 4: subscribed https://a.example/feed",
                "line 5: subscribed https://www.reddit.com/r/java/.rss (Reddit subreddit r/java → https://www.reddit.com/r/java/.rss)",
                "line 6: duplicate in the file https://a.example/feed — the same feed as line 4",
                "line 7: invalid gopher://old.example/ — 'gopher://old.example/' is not an http(s) URL",
                "2 subscribed, 1 duplicate in the file, 1 invalid");
        assertThat(err.toString()).isEmpty();
        try (Database database = new Database("jdbc:sqlite:" + db)) {
            List<Subscription> subs = new SubscriptionStore(database).listForChannel(777);
            assertThat(subs).hasSize(2).allSatisfy(s -> assertThat(s.guildId()).as("resolved when the bot sees the channel").isNull());
            assertThat(new FeedStore(database).findByUrl("https://a.example/feed").orElseThrow().seeded()).isFalse();
        }

        // a second import of the same file changes nothing and says so
        assertThat(run("import-opml", file.toString(), "--channel", "777", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("line 4: already subscribed https://a.example/feed — channel 777 already gets it")
                .contains("2 already subscribed, 1 duplicate in the file, 1 invalid");
    }

    @Test
    void exportWritesOpmlToStandardOutput() throws Exception {
        run("import-opml", opml("<outline text=\"A\" xmlUrl=\"https://a.example/feed\"/>").toString(), "--channel", "777",
                "--config", config.toString());

        assertThat(run("export-opml", "--config", config.toString())).as(err.toString()).isZero();

        List<OpmlEntry> entries = new OpmlReader().read(out.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.xmlUrl()).isEqualTo("https://a.example/feed");
            assertThat(e.category()).isEqualTo("channel 777");
        });
        assertThat(out.toString()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<opml version=\"2.0\">");
        // the guild of a CLI import is not known yet, so a guild's export does not hold it
        assertThat(run("export-opml", "--guild", "4194304", "--config", config.toString())).isZero();
        assertThat(new OpmlReader().read(out.toString().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(err.toString()).isEqualTo("note: no subscriptions in server 4194304; the OPML file is empty" + System.lineSeparator());
    }

    @Test
    void aFileThatIsNotOpmlExitsWith4() throws Exception {
        Path feed = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        assertThat(run("import-opml", feed.toString(), "--channel", "777", "--config", config.toString())).isEqualTo(4);
        assertThat(err.toString()).isEqualTo("error: " + feed + ": not an OPML file: its root element is <rss>, not <opml>"
                + " (it is a feed: add it with /feed add)" + System.lineSeparator());
        Path broken = Files.writeString(dir.resolve("broken.opml"), "<opml><body><outline></body>");
        assertThat(run("import-opml", broken.toString(), "--channel", "777", "--config", config.toString())).isEqualTo(4);
        assertThat(err.toString()).startsWith("error: " + broken + ": not an OPML file: malformed XML at line 1").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        Path file = opml("<outline text=\"A\" xmlUrl=\"https://a.example/feed\"/>");
        assertThat(run("import-opml", dir.resolve("missing.opml").toString(), "--channel", "777", "--config", config.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: cannot read ").contains("missing.opml: no such file");
        assertThat(run("import-opml", file.toString(), "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Missing required option: '--channel=ID'");
        assertThat(run("import-opml", file.toString(), "--channel", "#news", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --channel: '#news' is not a Discord id");
        assertThat(run("export-opml", "--guild", "abc", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --guild: 'abc' is not a Discord id");
        Path badConfig = Files.writeString(dir.resolve("bad.yaml"), "limits: {feedsPerGuild: many}\n");
        assertThat(run("import-opml", file.toString(), "--channel", "777", "--config", badConfig.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains("feedsPerGuild");
        assertThat(Files.exists(db)).as("nothing was opened or written").isFalse();
    }
}
