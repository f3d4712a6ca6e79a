package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the oracle suites — feeds, the expected-value JSON and TSV next to them, licences —
 * goes through {@link FeedParser}: each either parses or ends in a {@link FeedParseException} with
 * one line, never in any other exception (which the CLI reports as "unexpected failure"). The
 * suites hold hundreds of small hand-made edge cases (odd namespaces, missing elements, bad
 * dates), which is what this is after; expected values are checked elsewhere. A suite that is
 * absent is skipped with a printed line.
 */
class OracleInputsNeverCrashTest {

    static final List<Path> SUITES = List.of(
            Path.of("..", "shared", "corpus", "oracle"),
            Path.of("..", "shared", "eval", "corpus", "oracle"));

    private final FeedParser parser = new FeedParser();

    @TestFactory
    Stream<DynamicTest> everyOracleFileParsesOrFailsCleanly() throws IOException {
        List<Path> present = new ArrayList<>();
        for (Path suite : SUITES) {
            if (Files.isDirectory(suite)) {
                present.add(suite);
            } else {
                System.out.println("SKIPPED OracleInputsNeverCrashTest for " + suite.toAbsolutePath() + ": absent");
            }
        }
        Assumptions.assumeFalse(present.isEmpty(), "no oracle suite present");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path suite : present) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(suite)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            System.out.println("OracleInputsNeverCrashTest: " + files.size() + " files under " + suite);
            for (Path file : files) {
                tests.add(DynamicTest.dynamicTest(suite.relativize(file).toString(), () -> check(file)));
            }
        }
        return tests.stream();
    }

    private void check(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                parser.parse(bytes, null, "https://oracle.example/" + file.getFileName());
            } catch (FeedParseException e) {
                assertThat(e.getMessage()).as(file.toString()).isNotBlank().doesNotContain("\n")
                        .doesNotContainPattern("\\b(java|org|com)\\.[a-z]+\\.");
            }
        }, file.toString());
    }
}
