package io.github.tldrbot.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeedParser#parse(byte[], String, String, KnownEntries)}: the entries the caller holds come
 * back as {@link KnownEntry} (id and dates) instead of articles, every other entry exactly as a full
 * parse makes it, and the ids follow SPEC §4.2 exactly as before — on hand-made documents with every
 * identity rule (unique guid, duplicated guid → link, duplicated link → link + hash, no link → hash,
 * identical entries → #2) and on every capture of the shared corpus.
 */
class KnownEntriesParseTest {

    private final FeedParser parser = new FeedParser(ArticleLanguage.NONE);

    private static final String TRICKY = """
            <rss version="2.0"><channel><title>t</title><link>https://e.example/</link>
            <item><title>Unique guid</title><guid>g1</guid><link>https://e.example/1</link>
              <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;One &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description></item>
            <item><title>Shared guid A</title><guid>same</guid><link>https://e.example/a</link>
              <pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate><description>a</description></item>
            <item><title>Shared guid B</title><guid>same</guid><link>https://e.example/b</link>
              <pubDate>Sat, 28 Nov 2026 08:00:00 GMT</pubDate><description>b</description></item>
            <item><title>Shared link one</title><link>https://e.example/dup</link><description>first</description></item>
            <item><title>Shared link two</title><link>https://e.example/dup</link><description>second</description></item>
            <item><title>No link</title><description>only text</description>
              <pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item>
            <item><title>Twin</title><description>same words</description></item>
            <item><title>Twin</title><description>same words</description></item>
            </channel></rss>
            """;

    @Test
    void everySubsetOfHeldEntriesGivesTheSameIdsAndTheSameArticles() throws Exception {
        byte[] doc = TRICKY.getBytes(StandardCharsets.UTF_8);
        ParsedFeed full = parser.parse(doc, null, "https://e.example/rss");
        assertThat(full.articles()).hasSize(8);
        assertThat(full.articles()).extracting(Article::id).contains("guid:g1", "link:https://e.example/a",
                "link:https://e.example/b").doesNotHaveDuplicates();
        for (int mask = 0; mask < 1 << 8; mask++) {
            assertSameAsFull(doc, full, held(full, mask));
        }
    }

    @Test
    void theCallerIsAskedOnceWithEveryIdInDocumentOrder() throws Exception {
        byte[] doc = TRICKY.getBytes(StandardCharsets.UTF_8);
        List<Article> all = parser.parse(doc, null, "https://e.example/rss").articles();
        List<List<String>> asked = new ArrayList<>();
        ParsedFeed parsed = parser.parse(doc, null, "https://e.example/rss", ids -> {
            asked.add(List.copyOf(ids));
            return Set.of("guid:g1");
        });
        assertThat(asked).containsExactly(all.stream().map(Article::id).toList());
        assertThat(parsed.known()).containsExactly(new KnownEntry("guid:g1", all.get(0).published(), null));
        assertThat(parsed.articles()).isEqualTo(all.subList(1, all.size()));
        assertThat(parsed.entryDates()).as("a held entry's date still counts")
                .containsExactlyInAnyOrderElementsOf(new ParsedFeed(parsed.feed(), all).entryDates());
    }

    @Test
    void everyCorpusCaptureGivesTheSameArticlesWhenHalfOfItIsHeld() throws Exception {
        Path feeds = CorpusParseTest.FEEDS;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(feeds), "shared corpus absent");
        int checked = 0;
        try (Stream<Path> files = Files.list(feeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tsv")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                ParsedFeed full;
                try {
                    full = parser.parse(bytes, null, "https://corpus.example/" + name);
                } catch (FeedParseException e) {
                    continue;
                }
                assertSameAsFull(bytes, full, held(full, 0x55555555), "https://corpus.example/" + name);
                assertSameAsFull(bytes, full, held(full, 0xAAAAAAAA), "https://corpus.example/" + name);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    private void assertSameAsFull(byte[] doc, ParsedFeed full, Set<String> held) throws FeedParseException {
        assertSameAsFull(doc, full, held, "https://e.example/rss");
    }

    private void assertSameAsFull(byte[] doc, ParsedFeed full, Set<String> held, String base) throws FeedParseException {
        ParsedFeed parsed = parser.parse(doc, null, base, ids -> {
            Set<String> found = new HashSet<>(ids);
            found.retainAll(held);
            return found;
        });
        List<Article> expectedArticles = full.articles().stream().filter(a -> !held.contains(a.id())).toList();
        List<KnownEntry> expectedKnown = full.articles().stream().filter(a -> held.contains(a.id()))
                .map(a -> new KnownEntry(a.id(), a.published(), a.updated())).toList();
        assertThat(parsed.feed()).isEqualTo(full.feed());
        assertThat(parsed.articles()).as("held " + held).isEqualTo(expectedArticles);
        assertThat(parsed.known()).as("held " + held).isEqualTo(expectedKnown);
    }

    /** The ids of the entries at the positions whose bit is set in {@code mask}. */
    private static Set<String> held(ParsedFeed full, int mask) {
        Set<String> held = new HashSet<>();
        for (int i = 0; i < full.articles().size(); i++) {
            if ((mask >>> (i % 32) & 1) == 1) {
                held.add(full.articles().get(i).id());
            }
        }
        return held;
    }
}
