package io.github.tldrbot.feed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real capture in the shared corpus either parses or fails with a clean one-line
 * {@link FeedParseException}, and the ones the MANIFEST calls well-formed parse with the item
 * count it records.
 */
class CorpusParseTest {

    static final Path FEEDS = Path.of("../shared/corpus/feeds");

    private final FeedParser parser = new FeedParser();

    /** MANIFEST rows by file name: column name → value. */
    static Map<String, Map<String, String>> manifest() throws IOException {
        List<String> lines = Files.readAllLines(FEEDS.resolve("MANIFEST.tsv"));
        String[] header = lines.get(0).split("\t", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    @BeforeAll
    static void corpusPresent() {
        boolean present = Files.isDirectory(FEEDS);
        if (!present) {
            System.out.println("SKIPPED CorpusParseTest: " + FEEDS.toAbsolutePath() + " is absent");
        }
        assumeTrue(present, "shared corpus absent");
    }

    @Test
    void everyCaptureParsesOrFailsCleanlyAndWellFormedOnesMatchTheManifest() throws Exception {
        Map<String, Map<String, String>> manifest = manifest();
        int wellFormed = 0;
        int wellFormedParsed = 0;
        int countChecked = 0;
        int countMatched = 0;
        List<String> failures = new ArrayList<>();
        int articles = 0;
        int withDate = 0;
        int withLink = 0;
        int withTitle = 0;
        int withSummary = 0;
        int withImage = 0;
        for (Map.Entry<String, Map<String, String>> e : manifest.entrySet()) {
            Path file = FEEDS.resolve(e.getKey());
            byte[] bytes = Files.readAllBytes(file);
            Map<String, String> row = e.getValue();
            boolean expectWellFormed = row.get("well_formed_expat").startsWith("yes");
            Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    return parser.parse(bytes, null, "https://corpus.example/" + e.getKey());
                } catch (FeedParseException ex) {
                    return ex;
                }
            }, e.getKey());
            if (outcome instanceof FeedParseException ex) {
                assertThat(ex.getMessage()).as(e.getKey()).doesNotContain("\n").doesNotContain("Exception")
                        .doesNotContainPattern("\\b(java|org|com)\\.[a-z]+\\.");
                failures.add(e.getKey() + ": " + ex.getMessage());
                System.out.printf("FAIL  %-62s %s%n", e.getKey(), ex.getMessage());
                if (expectWellFormed) {
                    wellFormed++;
                }
                continue;
            }
            ParsedFeed feed = (ParsedFeed) outcome;
            if (expectWellFormed) {
                wellFormed++;
                wellFormedParsed++;
            }
            for (Article a : feed.articles()) {
                articles++;
                withDate += a.published() != null || a.updated() != null ? 1 : 0;
                withLink += a.link() != null ? 1 : 0;
                withTitle += a.title() != null ? 1 : 0;
                withSummary += a.summary() != null ? 1 : 0;
                withImage += a.image() != null ? 1 : 0;
                assertThat(a.link()).as(e.getKey() + " link").satisfiesAnyOf(
                        l -> assertThat(l).isNull(), l -> assertThat(l).matches("(?i)https?://.+"));
                assertThat(a.summary()).as(e.getKey() + " summary").satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).doesNotContain("&amp;", "&lt;", "&#8217;", "  "));
            }
            assertThat(feed.articles()).extracting(Article::id).as(e.getKey() + " ids").doesNotHaveDuplicates();
            int expectedItems = Integer.parseInt(row.get("items"));
            countChecked++;
            if (feed.articles().size() == expectedItems) {
                countMatched++;
            } else {
                System.out.printf("COUNT %-62s manifest=%d parsed=%d%n", e.getKey(), expectedItems, feed.articles().size());
            }
            System.out.printf("ok    %-62s %-10s %3d items%n", e.getKey(), feed.feed().format(), feed.articles().size());
        }
        System.out.printf("corpus: %d files, %d failed, well-formed parsed %d/%d, item counts matched %d/%d%n",
                manifest.size(), failures.size(), wellFormedParsed, wellFormed, countMatched, countChecked);
        System.out.printf("corpus fields: %d articles, with date %d, link %d, title %d, summary %d, image %d%n",
                articles, withDate, withLink, withTitle, withSummary, withImage);
        assertThat(wellFormedParsed).as("well-formed captures that parse").isEqualTo(wellFormed);
        assertThat(failures).as("captures that fail to parse").isEmpty();
        assertThat(countMatched).as("item counts equal to the MANIFEST").isGreaterThanOrEqualTo(countChecked);
    }

    /** One shared parser on several threads gives exactly what it gives on one. */
    @Test
    void oneParserIsSafeToShareBetweenThreads() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (String name : manifest().keySet()) {
            bodies.add(Files.readAllBytes(FEEDS.resolve(name)));
        }
        List<Object> sequential = new ArrayList<>();
        for (byte[] body : bodies) {
            sequential.add(outcome(body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (byte[] body : bodies) {
                    futures.add(pool.submit(() -> outcome(body)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % bodies.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Object outcome(byte[] body) {
        try {
            return parser.parse(body, null, "https://corpus.example/feed");
        } catch (FeedParseException e) {
            return e.getMessage();
        }
    }
}
