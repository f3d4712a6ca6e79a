package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Milliseconds per article for the extractive summarizer (SPEC §5.2: "a few milliseconds"; target p95 ≤ 5 ms),
 * against a lead-3 baseline measured in the same run: split the same capped text with the same splitter and
 * join the first three sentences. Run with {@code mvn -Pbench test -Dtest=SummarizerBenchmark}. Prints
 * figures only; wall-clock numbers are never asserted.
 */
@Tag("benchmark")
class SummarizerBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 5;

    @Test
    void millisecondsPerArticle() {
        List<Article> articles = articles();
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));
        SentenceSplitter splitter = new SentenceSplitter();
        TextShortener shortener = new TextShortener();
        ToIntFunction<Article> extractive = a -> summarizer.summarize(a).tldr().length();
        ToIntFunction<Article> lead3 = a -> {
            String text = a.contentText();
            String capped = text.length() > ExtractiveSummarizer.MAX_CHARS
                    ? text.substring(0, ExtractiveSummarizer.MAX_CHARS) : text;
            List<String> s = splitter.split(capped, ExtractiveSummarizer.MAX_SENTENCES);
            return shortener.shorten(String.join(" ", s.subList(0, Math.min(3, s.size()))), 300).length();
        };
        long sink = 0;
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            sink += run(articles, extractive, null) + run(articles, lead3, null);
        }
        long[] tExtractive = new long[articles.size() * MEASURED_ROUNDS];
        long[] tLead3 = new long[articles.size() * MEASURED_ROUNDS];
        for (int r = 0; r < MEASURED_ROUNDS; r++) {
            long[] e = new long[articles.size()];
            long[] b = new long[articles.size()];
            sink += run(articles, extractive, e) + run(articles, lead3, b);
            System.arraycopy(e, 0, tExtractive, r * articles.size(), e.length);
            System.arraycopy(b, 0, tLead3, r * articles.size(), b.length);
        }
        long totalKb = articles.stream().mapToLong(a -> a.contentText().length()).sum() / 1024;
        System.out.printf("SummarizerBenchmark: %d articles (%d KB text), %d measured rounds, sink=%d%n",
                articles.size(), totalKb, MEASURED_ROUNDS, sink);
        print("extractive", tExtractive);
        print("lead-3 baseline", tLead3);
        System.out.printf("ratio extractive/baseline: median %.1fx, p95 %.1fx%n",
                (double) percentile(tExtractive, 50) / percentile(tLead3, 50),
                (double) percentile(tExtractive, 95) / percentile(tLead3, 95));
        assertThat(sink).isPositive();
    }

    private static long run(List<Article> articles, ToIntFunction<Article> f, long[] nanos) {
        long sink = 0;
        for (int i = 0; i < articles.size(); i++) {
            long t0 = System.nanoTime();
            sink += f.applyAsInt(articles.get(i));
            if (nanos != null && nanos.length > i) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return sink;
    }

    private static void print(String name, long[] nanos) {
        System.out.printf("%-16s median %.3f ms  p95 %.3f ms  max %.3f ms%n", name,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** 200 generated articles of 1–20 KB, the five hand-written ones, and five of 100 KB. */
    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int size = 1_000 + (i * 97 % 191) * 100;
            out.add(SampleArticles.article("Engineers released an update to the Python library " + i,
                    "https://example.com/a/" + i, List.of("AI"), null, SampleArticles.longText(size, i)));
        }
        out.addAll(List.of(SampleArticles.productLaunch(), SampleArticles.securityAdvisory(),
                SampleArticles.researchPaper(), SampleArticles.fundingRound(), SampleArticles.regulation()));
        for (int i = 0; i < 5; i++) {
            out.add(SampleArticles.article("Regulators published new rules for AI providers " + i,
                    "https://example.com/big/" + i, List.of(), null, SampleArticles.longText(100_000, 1_000 + i)));
        }
        return out;
    }
}
