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

    /**
     * The product path (issue 10 item 6): the label-free input written as one RSS file per outlet and
     * merged by {@code preview --json --limit 0 FILE...}, exactly as the bot merges feeds (parsing, HTML
     * to text, cleaning, language detection, one feed per outlet), then scored.
     */
    @Test
    void mainSetAllThroughFeeds() throws Exception {
        reportThroughFeeds("articles.jsonl", null);
    }

    @Test
    void mainSetSparseThroughFeeds() throws Exception {
        reportThroughFeeds("articles.jsonl", "sparse");
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

    private static void reportThroughFeeds(String goldName, String subset) throws Exception {
        Path gold = EVAL.resolve(goldName);
        if (!Files.isRegularFile(gold) || !Files.isRegularFile(EVAL.resolve("score.py"))) {
            System.out.println("SKIPPED StoryEvalBenchmark for " + gold.toAbsolutePath() + ": absent");
            Assumptions.abort(gold + " absent");
        }
        Path dir = Files.createTempDirectory("story-eval-feeds");
        try {
            List<JsonNode> rows = input(gold, subset, dir);
            Map<String, List<JsonNode>> byOutlet = new java.util.TreeMap<>();
            for (JsonNode r : rows) {
                byOutlet.computeIfAbsent(text(r, "source") == null ? "unknown" : text(r, "source"), k -> new ArrayList<>()).add(r);
            }
            List<String> args = new ArrayList<>(List.of("preview", "--json", "--limit", "0"));
            int n = 0;
            for (Map.Entry<String, List<JsonNode>> outlet : byOutlet.entrySet()) {
                Path file = dir.resolve("outlet-" + (n++) + ".xml");
                Files.writeString(file, rss(outlet.getKey(), outlet.getValue()));
                args.add(file.toString());
            }
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            long t0 = System.nanoTime();
            int code = io.github.tldrbot.app.Main.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    args.toArray(String[]::new));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(code).as(err.toString()).isZero();
            JsonNode result = new ObjectMapper().readTree(out.toString());
            StringBuilder pred = new StringBuilder();
            for (JsonNode a : result.get("articles")) {
                pred.append(new ObjectMapper().writeValueAsString(Map.of("id", a.get("guid").asText(),
                        "cluster", a.get("story").asText()))).append('\n');
            }
            Path predFile = dir.resolve("pred.jsonl");
            Files.writeString(predFile, pred);
            List<String> score = new ArrayList<>(List.of("python3", EVAL.resolve("score.py").toString(), gold.toString(),
                    predFile.toString(), "--baseline"));
            if (subset != null) {
                score.addAll(List.of("--subset", subset));
            }
            System.out.println("== StoryEvalBenchmark through feeds: " + goldName + (subset == null ? "" : " --subset " + subset)
                    + " (" + rows.size() + " articles in " + byOutlet.size() + " RSS files, " + result.get("stories").size()
                    + " stories; preview took " + String.format("%.1f", seconds) + " s including cards)");
            String scored = python(score);
            System.out.println(scored);
            assertThat(result.get("articles").size()).isEqualTo(rows.size());
            assertThat(scored).contains("B3 P/R/F1");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The label-free rows score.py makes from the gold file. */
    private static List<JsonNode> input(Path gold, String subset, Path dir) throws IOException, InterruptedException {
        Path in = dir.resolve("in.jsonl");
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
        return rows;
    }

    /** One outlet's articles as an RSS 2.0 document: guid = the row id, text as the description. */
    private static String rss(String outlet, List<JsonNode> rows) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n");
        String host = text(rows.get(0), "host") == null ? "outlet.example" : text(rows.get(0), "host");
        x.append("<title>").append(xml(outlet)).append("</title><link>https://").append(xml(host)).append("/</link>\n");
        for (JsonNode r : rows) {
            String link = text(r, "url") != null ? text(r, "url") : "https://" + host + "/" + text(r, "id");
            x.append("<item><guid isPermaLink=\"false\">").append(xml(text(r, "id"))).append("</guid>");
            if (text(r, "title") != null) {
                x.append("<title>").append(xml(text(r, "title"))).append("</title>");
            }
            x.append("<link>").append(xml(link)).append("</link>");
            if (r.hasNonNull("published")) {
                x.append("<pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(Instant.parse(r.get("published").asText()).atOffset(java.time.ZoneOffset.UTC))).append("</pubDate>");
            }
            if (text(r, "text") != null) {
                x.append("<description>").append(xml(text(r, "text"))).append("</description>");
            }
            x.append("</item>\n");
        }
        return x.append("</channel></rss>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }

    /** Outcome of one run: score.py's output and the assignment times. */
    record Result(int articles, long stories, String scoreOutput, double p50Ms, double p95Ms, double maxMs) {
    }

    /** Makes the label-free input, assigns every article in time order, scores the prediction. */
    static Result run(Path gold, String subset, StorySettings settings) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("story-eval");
        try {
            Path pred = dir.resolve("pred.jsonl");
            List<JsonNode> rows = input(gold, subset, dir);
            ObjectMapper json = new ObjectMapper();
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
