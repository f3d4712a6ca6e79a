package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code preview --json --limit 0} over every real capture in {@code ../shared/corpus/feeds}: each
 * either prints the §12 JSON with cards that keep the §5.1 rules, or ends with exit code 4 and one
 * clean {@code error:} line — within 20 s. Skipped, visibly, when the corpus is absent.
 */
class CorpusPreviewTest {
    static final Path CORPUS = Path.of("..", "shared", "corpus", "feeds");
    /** Leftover markup: common HTML elements only, since text such as {@code Atomic<T>} or {@code <Leader>} is legitimate. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)</?(a|b|br|div|em|i|img|li|ol|p|span|strong|table|td|tr|ul|h[1-6]|iframe|script|style|figure|hr|blockquote|font)(\\s[^<>]*)?/?>");
    /** Captures whose articles show HTML source code as text (a code sample of an iframe): markup there is content. */
    private static final java.util.Set<String> CODE_SAMPLES = java.util.Set.of("miniflux__large_rss.xml");
    private static final Pattern RAW_ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

    @TestFactory
    Stream<DynamicTest> everyCaptureIsACardSetOrACleanError() throws Exception {
        if (!Files.isDirectory(CORPUS)) {
            System.out.println("SKIPPED CorpusPreviewTest: " + CORPUS.toAbsolutePath() + " is absent");
            Assumptions.abort("corpus absent");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(f))));
    }

    private static void check(Path file) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "preview", file.toString(), "--json", "--limit", "0");
        if (code == ExitCodes.NOT_A_FEED) {
            System.out.println("corpus " + file.getFileName() + ": " + err.toString().strip());
            assertThat(err.toString()).startsWith("error: ");
            assertThat(err.toString().strip().lines().count()).isEqualTo(1);
            assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            return;
        }
        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("feed").path("format").asText()).isNotBlank();
        for (JsonNode article : root.path("articles")) {
            assertThat(article.path("id").asText()).isNotBlank();
            JsonNode card = article.path("card");
            assertThat(card.path("summarizer").asText()).isEqualTo("extractive");
            if (!card.path("tldr").isNull()) {
                assertThat(card.path("tldr").asText().length()).isLessThanOrEqualTo(300);
            }
            for (String field : new String[] {"tldr", "whatChanged", "whyItMatters", "whatToDoNext"}) {
                cleanText(file, field, card.path(field));
            }
            for (JsonNode t : card.path("keyTakeaways")) {
                cleanText(file, "keyTakeaways", t);
            }
            assertThat(card.path("keyTakeaways").size()).isLessThanOrEqualTo(3);
            assertThat(card.path("whoShouldCare").size()).isLessThanOrEqualTo(3);
            cleanText(file, "summary", article.path("summary"));
        }
    }

    private static void cleanText(Path file, String field, JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        String text = node.asText();
        String where = file.getFileName() + " " + field + ": " + text;
        assertThat(text).as(where).isNotBlank();
        if (!CODE_SAMPLES.contains(file.getFileName().toString())) {
            assertThat(HTML_TAG.matcher(text).find()).as(where).isFalse();
        }
        assertThat(RAW_ENTITY.matcher(text).find()).as(where).isFalse();
        assertThat(text).as(where).doesNotContain("\uFFFD\uFFFD");
    }
}
