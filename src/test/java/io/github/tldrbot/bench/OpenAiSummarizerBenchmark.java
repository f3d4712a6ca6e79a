package io.github.tldrbot.bench;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CardCache;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.config.OpenAiConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.llm.OpenAiSummarizer;
import io.github.tldrbot.testing.openai.FakeOpenAi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI summarizer's own cost and its throughput (issue 5 benchmark), against the local
 * {@link FakeOpenAi} stand-in.
 * <ul>
 *   <li>(a) overhead around the model call: per-article time of {@code summarize} (prompt and request
 *       building, hashing, HTTP, answer parsing, validation and repair) against a stand-in answering
 *       at once with a canned card, next to a baseline measured in the same run: a bare HTTP POST of
 *       the same request body to the same stand-in. The difference is the summarizer's overhead.</li>
 *   <li>(b) throughput with {@code maxConcurrent} = 1, 2, 4, 8 against a stand-in answering after a
 *       fixed 200 ms: cards per second against the ideal {@code maxConcurrent / 0.2 s}, as a ratio.</li>
 * </ul>
 * Run: {@code mvn -Pbench test -Dtest=OpenAiSummarizerBenchmark}.
 */
@Tag("benchmark")
class OpenAiSummarizerBenchmark {

    private static final List<AudienceConfig> AUDIENCES = DefaultAudiences.list();
    private static final String CARD = """
            {"tldr":"Acme released Widget 2.0 with <b>faster</b> sync &amp; a Linux build.","whatChanged":"Widget 2.0 is out.",
             "whyItMatters":"Sync is twice as fast for teams that share large files every day.",
             "whatToDoNext":"Read the notes: https://example.org/widget-2",
             "whoShouldCare":["developers","executives","aliens"],"keyTakeaways":["Free for small teams","Linux build added","Sync rewritten"]}""";
    private static final int WARMUP = 500;
    private static final int CALLS = 2_000;
    private static final int ROUNDS = 5;
    private static final Duration DELAY = Duration.ofMillis(200);

    private static Article article(int i) {
        String text = ("Acme released Widget 2.0 today, story " + i + ". Developers can download the new SDK and update their apps. "
                + "The release doubles sync speed and adds a Linux build. Startups get it free for small teams. ").repeat(12);
        return new Article("a" + i, null, "Acme releases Widget 2.0 (" + i + ")", "https://example.org/widget-" + i,
                Instant.parse("2026-01-01T00:00:00Z"), null, null, List.of(), text, text, null);
    }

    private static OpenAiConfig config(FakeOpenAi server, int maxConcurrent) {
        return new OpenAiConfig(server.baseUrl(), "bench-model", "sk-bench", Duration.ofSeconds(10), maxConcurrent, 0, 6000, 0.2);
    }

    @Test
    void overheadAroundTheModelCall() throws Exception {
        try (FakeOpenAi server = FakeOpenAi.start().answer(CARD)) {
            ExtractiveSummarizer extractive = new ExtractiveSummarizer(new AudienceClassifier(AUDIENCES));
            try (OpenAiSummarizer summarizer = new OpenAiSummarizer(config(server, 1), AUDIENCES, extractive, CardCache.NONE, Clock.systemUTC())) {
                Card card = summarizer.summarize(article(-1));
                assertThat(card.summarizer()).isEqualTo("openai:bench-model");
                String body = server.requests().get(0).body().toString();
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest bare = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();

                for (int i = 0; i < WARMUP; i++) {
                    summarizer.summarize(article(i));
                    http.send(bare, HttpResponse.BodyHandlers.ofString());
                }
                double[] model = new double[ROUNDS];
                double[] baseline = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < CALLS; i++) {
                        http.send(bare, HttpResponse.BodyHandlers.ofString());
                    }
                    baseline[r] = (System.nanoTime() - t0) / 1e3 / CALLS;
                    long t1 = System.nanoTime();
                    for (int i = 0; i < CALLS; i++) {
                        if (!summarizer.summarize(article(i)).summarizer().startsWith("openai:")) {
                            throw new AssertionError("fell back during the benchmark");
                        }
                    }
                    model[r] = (System.nanoTime() - t1) / 1e3 / CALLS;
                }
                double m = median(model);
                double b = median(baseline);
                long extractiveStart = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    extractive.summarize(article(i));
                }
                double ex = (System.nanoTime() - extractiveStart) / 1e3 / CALLS;
                System.out.printf(Locale.ROOT, "[openai-bench] request body %d chars; median of %d rounds x %d calls%n", body.length(), ROUNDS, CALLS);
                System.out.printf(Locale.ROOT, "[openai-bench] summarize (instant stand-in): %.1f us/article%n", m);
                System.out.printf(Locale.ROOT, "[openai-bench] baseline bare HTTP POST of the same body: %.1f us/request%n", b);
                System.out.printf(Locale.ROOT, "[openai-bench] overhead = %.1f us/article; ratio summarize/baseline = %.2f%n", m - b, m / b);
                System.out.printf(Locale.ROOT, "[openai-bench] (for scale: extractive summarizer on the same articles: %.1f us/article)%n", ex);
            }
        }
    }

    @Test
    void throughputAgainstTheIdealMaxConcurrentOverDelay() throws Exception {
        try (FakeOpenAi server = FakeOpenAi.start().answer(CARD).delay(DELAY)) {
            ExtractiveSummarizer extractive = new ExtractiveSummarizer(new AudienceClassifier(AUDIENCES));
            ExecutorService callers = Executors.newFixedThreadPool(32);
            try {
                int base = 0;
                for (int c : new int[] {1, 2, 4, 8}) {
                    int jobs = 6 * c;
                    try (OpenAiSummarizer summarizer = new OpenAiSummarizer(config(server, c), AUDIENCES, extractive, CardCache.NONE, Clock.systemUTC())) {
                        summarizer.summarize(article(100_000 + c)); // connection warm-up
                        List<Future<Card>> cards = new ArrayList<>();
                        long t0 = System.nanoTime();
                        for (int i = 0; i < jobs; i++) {
                            Article a = article(base + i);
                            cards.add(callers.submit(() -> summarizer.summarize(a)));
                        }
                        for (Future<Card> f : cards) {
                            assertThat(f.get(60, TimeUnit.SECONDS).summarizer()).isEqualTo("openai:bench-model");
                        }
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        double perSecond = jobs / seconds;
                        double ideal = c / (DELAY.toMillis() / 1000.0);
                        System.out.printf(Locale.ROOT, "[openai-bench] maxConcurrent=%d: %d cards in %.2f s = %.2f cards/s; ideal %.1f; ratio %.2f; server saw max %d at once%n",
                                c, jobs, seconds, perSecond, ideal, perSecond / ideal, server.maxConcurrent());
                        base += jobs;
                    }
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
