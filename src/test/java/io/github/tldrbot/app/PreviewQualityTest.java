package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview --quality SOURCE...}: the card-quality report over files, directories and bad sources. */
class PreviewQualityTest {

    /** A podcast feed whose namespace declaration has a space before the URI (as real podcasts have). */
    static final String PODCAST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes=" http://www.itunes.com/dtds/podcast-1.0.dtd">
            <channel><title>Game Talk</title><link>https://pod.example/</link>
              <item><title>Episode 1</title><link>https://pod.example/1</link>
                <description>We talk about the new console and the games of the week, and then the feed cuts us o</description></item>
              <item><title>Episode 2</title><link>https://pod.example/2</link>
                <description>More games.</description></item>
              <item><title>Episode 3</title><link>https://pod.example/3</link></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path file(Path folder, String name, String content) throws Exception {
        Path p = folder.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aFeedWithASpaceInItsNamespaceDeclarationIsPreviewed() throws Exception {
        int code = run("preview", file(dir, "pod.xml", PODCAST).toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Game Talk").contains("Episode 1");
    }

    @Test
    void aDirectoryStandsForItsFeedFilesAndEveryArticleIsCounted() throws Exception {
        Path feeds = Files.createDirectory(dir.resolve("feeds"));
        file(feeds, "a-news.xml", MainTest.RSS);
        file(feeds, "b-pod.rss", PODCAST);
        file(feeds, "c-page.html", "<html><body>not a feed</body></html>");
        file(feeds, "MANIFEST.tsv", "file\titems\n");
        file(feeds, "README.md", "# notes\n");
        Files.createDirectory(feeds.resolve("expected"));

        int code = run("preview", "--quality", feeds.toString());

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).startsWith("Card quality: 5 cards from 2 feeds (extractive summarizer), 1 sources gave no cards");
        assertThat(text).containsPattern("cards with only a TL;DR .*\\| 5 cards");
        assertThat(text).contains("same, without the largest feed (b-pod.rss)");
        // "Episode 3" has no text: its headline is the TL;DR, which is not a cut; episode 1's cut ends in "…"
        assertThat(text).containsPattern("sections ending mid-text without \"…\" \\(headlines left out\\)\\s+\\|\\s+0 \\|");
        assertThat(text).containsPattern("headline without a full stop used as TL;DR .*\\|\\s+[1-9]");
        assertThat(text).containsPattern("cards breaking a Discord limit\\s+\\|\\s+0 \\|");
        assertThat(text).contains("summarizer time per article").contains("(5 articles)");
        assertThat(text).containsPattern("a-news\\.xml\\s+2 \\|").containsPattern("b-pod\\.rss\\s+3 \\|");
        assertThat(text).contains("c-page.html").contains("not an RSS or Atom feed (looks like an HTML page)");
        assertThat(text).doesNotContain("MANIFEST").doesNotContain("README");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void limitStillTakesTheFirstArticlesOfEachSource() throws Exception {
        int code = run("preview", "--quality", "--limit", "1", file(dir, "a.xml", MainTest.RSS).toString(),
                file(dir, "b.xml", PODCAST).toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Card quality: 2 cards from 2 feeds");
    }

    @Test
    void whenNoSourceCanBeReadTheFirstErrorEndsTheRun() throws Exception {
        int code = run("preview", "--quality", file(dir, "page.html", "<html><body>x</body></html>").toString(),
                dir.resolve("missing.xml").toString());
        assertThat(code).isEqualTo(ExitCodes.NOT_A_FEED);
        assertThat(err.toString().strip()).startsWith("error: not an RSS or Atom feed").doesNotContain("\n");
    }

    @Test
    void jsonWithQualityIsAUsageError() throws Exception {
        Path a = file(dir, "a.xml", MainTest.RSS);
        assertThat(run("preview", "--quality", "--json", a.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("error: --quality prints a text table");
    }

    @Test
    void anEmptyDirectoryIsAClearError() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        file(empty, "README.md", "nothing here");
        assertThat(run("preview", "--quality", empty.toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).startsWith("error: no feed files in the directory ");
    }
}
