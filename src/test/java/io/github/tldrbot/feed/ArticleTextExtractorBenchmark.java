package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Milliseconds to turn one realistic ~100 KB article page into its text, as {@link ArticlePageReader}
 * does after the fetch: jsoup parse of the bytes, then {@link ArticleTextExtractor}. Both parts are
 * timed apart (parse alone on a fresh copy, parse + extract end to end). Run with
 * {@code mvn -Pbench test -Dtest=ArticleTextExtractorBenchmark}. Prints figures only; wall-clock
 * numbers are never asserted.
 */
@Tag("benchmark")
class ArticleTextExtractorBenchmark {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 500;

    @Test
    void millisecondsPerPage() throws IOException {
        byte[] large = ArticlePages.large(100_000).getBytes(StandardCharsets.UTF_8);
        byte[] news = ArticlePages.news().getBytes(StandardCharsets.UTF_8);
        ArticleTextExtractor extractor = new ArticleTextExtractor();
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += extractor.extract(parse(large)).orElseThrow().text().length();
            sink += extractor.extract(parse(news)).orElseThrow().text().length();
        }
        long[] parseOnly = new long[MEASURED];
        long[] total = new long[MEASURED];
        long[] small = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            sink += parse(large).childNodeSize();
            long t1 = System.nanoTime();
            sink += extractor.extract(parse(large)).orElseThrow().text().length();
            long t2 = System.nanoTime();
            sink += extractor.extract(parse(news)).orElseThrow().text().length();
            long t3 = System.nanoTime();
            parseOnly[i] = t1 - t0;
            total[i] = t2 - t1;
            small[i] = t3 - t2;
        }
        String text = extractor.extract(parse(large)).orElseThrow().text();
        System.out.printf("ArticleTextExtractorBenchmark: %d-byte page -> %d chars of text, %d measured runs, sink=%d%n",
                large.length, text.length(), MEASURED, sink);
        print("parse only (100 KB)", parseOnly);
        print("parse + extract (100 KB)", total);
        print("parse + extract (9 KB)", small);
        System.out.printf("ratio (parse + extract) / parse only, 100 KB: median %.1fx%n",
                (double) percentile(total, 50) / percentile(parseOnly, 50));
        assertThat(text).startsWith(ArticlePages.NEWS_FIRST).endsWith(ArticlePages.NEWS_LAST);
    }

    /** The hostile case: 500 nested boxes, 2 MB, where per-element text reading would be quadratic. */
    @Test
    void millisecondsForADeeplyNestedTwoMegabytePage() throws IOException {
        byte[] page = ArticlePages.nested(500, 50).getBytes(StandardCharsets.UTF_8);
        ArticleTextExtractor extractor = new ArticleTextExtractor();
        long sink = 0;
        for (int i = 0; i < 10; i++) {
            sink += extractor.extract(parse(page)).orElseThrow().text().length();
        }
        long[] parseOnly = new long[20];
        long[] total = new long[20];
        for (int i = 0; i < total.length; i++) {
            long t0 = System.nanoTime();
            sink += parse(page).childNodeSize();
            long t1 = System.nanoTime();
            sink += extractor.extract(parse(page)).orElseThrow().text().length();
            total[i] = System.nanoTime() - t1;
            parseOnly[i] = t1 - t0;
        }
        System.out.printf("nested page: %d bytes, 500 boxes deep, sink=%d%n", page.length, sink);
        print("parse only (2 MB nested)", parseOnly);
        print("parse + extract (2 MB nested)", total);
        assertThat(sink).isPositive();
    }

    private static Document parse(byte[] body) throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(body), "UTF-8", "https://news.example/2026/11/tram");
    }

    private static void print(String name, long[] nanos) {
        System.out.printf("%-30s median %.2f ms  p95 %.2f ms  max %.2f ms%n", name,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
