package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.ParsedFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How many articles {@code fullText: auto} would read the page of, over the real feed captures of
 * both shared corpora (the whole capture, as if every article were posted; the single largest feed
 * also shown apart). Measures {@link TeaserCheck}; writes nothing. Skips a corpus that is absent,
 * with a visible line. Run with {@code mvn -Pbench test -Dtest=TeaserShareBenchmark}.
 */
@Tag("benchmark")
class TeaserShareBenchmark {

    private final FeedParser parser = new FeedParser();
    private final TeaserCheck check = new TeaserCheck();

    @Test
    void shareOfTeaserArticles() throws IOException {
        for (Path corpus : List.of(Path.of("../shared/corpus/feeds"), Path.of("../shared/eval/corpus/feeds"))) {
            if (!Files.isDirectory(corpus)) {
                System.out.println("SKIPPED TeaserShareBenchmark: " + corpus.toAbsolutePath() + " is absent");
                continue;
            }
            int feeds = 0;
            int articles = 0;
            int teasers = 0;
            int empty = 0;
            int largest = 0;
            int largestTeasers = 0;
            String largestName = "";
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals("MANIFEST.tsv") || name.equals("LICENSES")) {
                        continue;
                    }
                    ParsedFeed parsed;
                    try {
                        parsed = parser.parse(Files.readAllBytes(file), null, "https://corpus.example/" + name);
                    } catch (FeedParseException e) {
                        continue;
                    }
                    feeds++;
                    int feedTeasers = 0;
                    for (Article a : parsed.articles()) {
                        String own = a.contentText() != null && !a.contentText().isBlank() ? a.contentText() : a.summary();
                        if (own == null || own.isBlank()) {
                            empty++;
                        }
                        if (check.isTeaser(own)) {
                            feedTeasers++;
                        }
                    }
                    articles += parsed.articles().size();
                    teasers += feedTeasers;
                    if (parsed.articles().size() > largest) {
                        largest = parsed.articles().size();
                        largestTeasers = feedTeasers;
                        largestName = name;
                    }
                }
            }
            System.out.printf("%s: %d feeds, %d articles, teasers (auto reads the page) %d = %.1f %% (no body at all: %d);"
                    + " without the largest feed (%s, %d articles, %d teasers): %.1f %%%n", corpus, feeds, articles, teasers,
                    100.0 * teasers / Math.max(1, articles), empty, largestName, largest, largestTeasers,
                    100.0 * (teasers - largestTeasers) / Math.max(1, articles - largest));
        }
    }
}
