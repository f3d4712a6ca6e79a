package io.github.tldrbot.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPML files as readers export them, and hostile or broken ones. */
class OpmlReaderTest {
    private final OpmlReader reader = new OpmlReader();

    @TempDir
    Path dir;

    private List<OpmlEntry> read(String xml) throws OpmlException {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOpml2WithNestedCategories() throws Exception {
        List<OpmlEntry> entries = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="Tech" title="Tech">
                      <outline text="Java">
                        <outline type="rss" text="Inside Java" title="Inside Java" xmlUrl="https://inside.java/feed.xml" htmlUrl="https://inside.java/"/>
                      </outline>
                      <outline type="rss" text="Hacker News" xmlUrl="https://news.ycombinator.com/rss"/>
                    </outline>
                    <outline type="rss" text="Top level" xmlUrl=" https://example.org/feed "/>
                  </body>
                </opml>""");
        assertThat(entries).extracting(OpmlEntry::xmlUrl)
                .containsExactly("https://inside.java/feed.xml", "https://news.ycombinator.com/rss", "https://example.org/feed");
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.title()).isEqualTo("Inside Java");
            assertThat(e.htmlUrl()).isEqualTo("https://inside.java/");
            assertThat(e.category()).isEqualTo("Tech / Java");
            assertThat(e.line()).isEqualTo(7);
        });
        assertThat(entries.get(1).title()).isEqualTo("Hacker News");
        assertThat(entries.get(1).category()).isEqualTo("Tech");
        assertThat(entries.get(2).category()).isNull();
    }

    @Test
    void readsOpml1AsThunderbirdAndFeedlyWriteIt() throws Exception {
        List<OpmlEntry> entries = read("""
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="1.0">
                <head><title>Thunderbird OPML Export - News &amp; Blogs</title><dateCreated>Wed, 02 Dec 2026 10:00:00 GMT</dateCreated></head>
                <body>
                <outline title="Blogs" text="Blogs">
                <outline type="rss" version="RSS" text="Caf\u00e9 &amp; Code" xmlurl="https://cafe.example/rss" htmlurl="https://cafe.example"/>
                </outline>
                <outline text="no url here"/>
                </body></opml>""".replace("\u00e9", "e"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.xmlUrl()).isEqualTo("https://cafe.example/rss");
            assertThat(e.title()).isEqualTo("Cafe & Code");
            assertThat(e.category()).isEqualTo("Blogs");
        });
    }

    @Test
    void leadingBlankLinesAndAByteOrderMarkAreTolerated() throws Exception {
        assertThat(read("\n\n  <?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline xmlUrl=\"https://a.example/\"/></body></opml>"))
                .hasSize(1);
        assertThat(read("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml version=\"2.0\"><body><outline xmlUrl=\"https://b.example/\"/></body></opml>"))
                .extracting(OpmlEntry::xmlUrl).containsExactly("https://b.example/");
    }

    @Test
    void anOpmlWithoutFeedsReadsAsEmpty() throws Exception {
        assertThat(read("<opml version=\"2.0\"><head/><body/></opml>")).isEmpty();
    }

    @Test
    void refusesAnXxeAttemptWithoutReadingTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "%s">]>
                <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://example.org/&xxe;"/></body></opml>"""
                .formatted(secret.toUri());
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("not an OPML file: it declares a DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            bomb.append(previous.repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<opml version=\"2.0\"><body><outline text=\"&lol9;\" xmlUrl=\"https://x.example/\"/></body></opml>");
        assertThatThrownBy(() -> read(bomb.toString())).isInstanceOf(OpmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUndeclaredEntityIsAClearError() {
        assertThatThrownBy(() -> read("<opml version=\"2.0\"><body><outline text=\"&nope;\" xmlUrl=\"https://x.example/\"/></body></opml>"))
                .isInstanceOf(OpmlException.class).hasMessageStartingWith("not an OPML file: ").hasMessageContaining("nope");
    }

    @Test
    void malformedXmlSaysWhereAndWhy() {
        assertThatThrownBy(() -> read("<opml version=\"2.0\">\n<body>\n<outline xmlUrl=\"https://x.example/\">\n</body></opml>"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("not an OPML file: malformed XML at line 4")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> read("just some text")).isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("not an OPML file: malformed XML");
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessage("not an OPML file: the file is empty");
    }

    @Test
    void aFeedIsNotAnOpmlFile() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>"))
                .isInstanceOf(OpmlException.class)
                .hasMessage("not an OPML file: its root element is <rss>, not <opml> (it is a feed: add it with /feed add)");
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() {
        byte[] huge = new byte[OpmlReader.MAX_BYTES + 1];
        assertThatThrownBy(() -> reader.read(huge)).isInstanceOf(OpmlException.class).hasMessageContaining("over the 5 MB");
    }

    @Test
    void tooManyOutlinesAreRefused() {
        String many = "<opml version=\"2.0\"><body>" + "<outline text=\"c\"/>".repeat(OpmlReader.MAX_OUTLINES + 1) + "</body></opml>";
        assertThatThrownBy(() -> read(many)).isInstanceOf(OpmlException.class).hasMessageContaining("more than 20000 outlines");
    }

    @Test
    void whatTheWriterWritesReadsBackGroupedByCategory() throws Exception {
        List<OpmlEntry> written = new ArrayList<>();
        written.add(new OpmlEntry(0, "https://a.example/feed?x=1&y=2", "A <&> \"quoted\"", "https://a.example/", "#general"));
        written.add(new OpmlEntry(0, "https://b.example/rss", null, null, "#tech"));
        written.add(new OpmlEntry(0, "https://c.example/rss", "C", null, "#general"));
        byte[] file = new OpmlWriter().write("tldr-bot subscriptions", written, Instant.parse("2026-12-03T16:00:00Z"));
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains("<opml version=\"2.0\">").contains("<dateCreated>Thu, 3 Dec 2026 16:00:00 GMT</dateCreated>");
        List<OpmlEntry> back = reader.read(file);
        assertThat(back).extracting(OpmlEntry::xmlUrl, OpmlEntry::title, OpmlEntry::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://a.example/feed?x=1&y=2", "A <&> \"quoted\"", "#general"),
                org.assertj.core.groups.Tuple.tuple("https://c.example/rss", "C", "#general"),
                org.assertj.core.groups.Tuple.tuple("https://b.example/rss", "https://b.example/rss", "#tech"));
    }
}
