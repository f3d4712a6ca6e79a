package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.story.StoryArticle;
import io.github.tldrbot.story.StoryIndex;
import io.github.tldrbot.story.StorySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Story assignment against the editors' grouping in {@code ../shared/eval/stories} (issue 10): the
 * label-free input that {@code score.py --make-input} writes is fed in time order to a
 * {@link StoryIndex} with the default settings, the assignment written as {@code pred.jsonl} and
 * scored by {@code score.py --baseline}, whose output is printed together with the assignment time
 * per article. The gold file is read only by {@code score.py}. Skipped with a printed line when the
 * set or python3 is absent. Run: {@code mvn -o -q -Pbench test -Dtest=StoryEvalBenchmark}.
 */
@Tag("benchmark")
class StoryEvalBenchmark {

    static final Path EVAL = Path.of("..", "shared", "eval", "stories");

    @Test
    void mainSetAll() throws Exception {
        report("articles.jsonl", null);
    }

    @Test
    void mainSetSparse() throws Exception {
        report("articles.jsonl", "sparse");
    }

    @Test
    void secondarySet() throws Exception {
        report("articles_g5w1h.jsonl", null);
    }

    /**
     * The sweep the defaults were chosen from: join threshold and linkage on the secondary set only
     * (the main set is measured, never fitted). Prints one line per setting.
     */
    @Test
    void secondarySetSweep() throws Exception {
        Path gold = EVAL.resolve("articles_g5w1h.jsonl");
        if (!Files.isRegularFile(gold)) {
            System.out.println("SKIPPED StoryEvalBenchmark sweep: " + gold.toAbsolutePath() + " absent");
            Assumptions.abort(gold + " absent");
        }
        StorySettings d = StorySettings.defaults();
        System.out.println("== StoryEvalBenchmark sweep on articles_g5w1h.jsonl (threshold x single-link share)");
        for (double link : new double[] {0, 0.5, 1}) {
            for (double th : new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
                StorySettings s = new StorySettings(d.window(), th, d.sameFeedThreshold(), d.relatedThreshold(), d.titleWeight(), d.entityWeight(), d.numberWeight(),
                        d.linkBonus(), d.leadChars(), link, d.dfHalfLife(), d.postingBudget(), d.maxCandidates());
                String line = run(gold, null, s).scoreOutput().lines().filter(l -> l.startsWith("prediction"))
                        .findFirst().orElse("?");
                System.out.printf("threshold %.2f singleLink %.1f  %s%n", th, link, line.substring(line.indexOf("B3")));
            }
        }
    }

    private static void report(String goldName, String subset) throws Exception {
        Path gold = EVAL.resolve(goldName);
        if (!Files.isRegularFile(gold) || !Files.isRegularFile(EVAL.resolve("score.py"))) {
            System.out.println("SKIPPED StoryEvalBenchmark for " + gold.toAbsolutePath() + ": absent");
            Assumptions.abort(gold + " absent");
        }
        Result r = run(gold, subset, StorySettings.defaults());
        System.out.println("== StoryEvalBenchmark: " + goldName + (subset == null ? "" : " --subset " + subset)
                + " (" + r.articles + " articles, " + r.stories + " stories predicted)");
        System.out.println(r.scoreOutput);
        System.out.printf("assignment time per article: p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                r.p50Ms, r.p95Ms, r.maxMs);
        assertThat(r.scoreOutput).contains("B3 P/R/F1");
    }

    /** Outcome of one run: score.py's output and the assignment times. */
    record Result(int articles, long stories, String scoreOutput, double p50Ms, double p95Ms, double maxMs) {
    }

    /** Makes the label-free input, assigns every article in time order, scores the prediction. */
    static Result run(Path gold, String subset, StorySettings settings) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("story-eval");
        try {
            Path in = dir.resolve("in.jsonl");
            Path pred = dir.resolve("pred.jsonl");
            List<String> make = new ArrayList<>(List.of("python3", EVAL.resolve("score.py").toString(), gold.toString(),
                    "--make-input", in.toString()));
            if (subset != null) {
                make.addAll(List.of("--subset", subset));
            }
            python(make);
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            // time order, as feeds would deliver them (score.py already sorts; stable for equal times)
            rows.sort(Comparator.comparing(r -> Instant.parse(r.get("published").asText())));
            StoryIndex index = new StoryIndex(settings);
            Map<Long, String> names = new HashMap<>();
            Map<String, Long> feeds = new HashMap<>();
            long[] nanos = new long[rows.size()];
            StringBuilder out = new StringBuilder();
            long[] storyOf = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                StoryArticle a = toArticle(rows.get(i), names, feeds);
                long t0 = System.nanoTime();
                storyOf[i] = index.assign(a);
                nanos[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < rows.size(); i++) {
                out.append(json.writeValueAsString(Map.of("id", rows.get(i).get("id").asText(),
                        "cluster", names.get(storyOf[i])))).append('\n');
            }
            Files.writeString(pred, out);
            List<String> score = new ArrayList<>(List.of("python3", EVAL.resolve("score.py").toString(), gold.toString(),
                    pred.toString(), "--baseline"));
            if (subset != null) {
                score.addAll(List.of("--subset", subset));
            }
            String scored = python(score);
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Result(rows.size(), Arrays.stream(storyOf).distinct().count(), scored,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An input row as the store would hand it over; the eval rows carry no body links. */
    private static StoryArticle toArticle(JsonNode r, Map<Long, String> names, Map<String, Long> feeds) {
        String sid = r.get("id").asText();
        long id = Long.parseLong(sid.substring(sid.indexOf('-') + 1), 16);
        names.put(id, sid);
        return new StoryArticle(id, text(r, "title"), text(r, "text"),
                r.hasNonNull("published") ? Instant.parse(r.get("published").asText()) : null,
                text(r, "url"), List.of(), text(r, "lang"), feeds.computeIfAbsent(text(r, "source"), k -> feeds.size() + 1L));
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }

    private static String python(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", cmd) + " failed: " + output));
        }
        return output.strip();
    }
}
