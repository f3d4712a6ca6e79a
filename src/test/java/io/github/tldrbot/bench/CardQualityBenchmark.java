package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The card-quality report (issue 9) over the shared feed captures, exactly as
 * {@code preview --quality DIR} prints it, so every change to the summarizer shows its effect.
 * Each corpus that is absent is skipped with a printed line. Prints the tables; asserts only that
 * the report was made. Run: {@code mvn -Pbench test -Dtest=CardQualityBenchmark}.
 */
@Tag("benchmark")
class CardQualityBenchmark {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "feeds");
    static final Path EVAL_CORPUS = Path.of("..", "shared", "eval", "corpus", "feeds");

    @Test
    void corpusFeeds() {
        report(CORPUS);
    }

    @Test
    void evalCorpusFeeds() {
        report(EVAL_CORPUS);
    }

    private static void report(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            System.out.println("SKIPPED CardQualityBenchmark for " + corpus.toAbsolutePath() + ": absent");
            Assumptions.abort(corpus + " absent");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "preview", "--quality", corpus.toString());
        System.out.println("== CardQualityBenchmark: preview --quality " + corpus);
        System.out.println(out);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Card quality: ").contains("summarizer time per article");
    }
}
