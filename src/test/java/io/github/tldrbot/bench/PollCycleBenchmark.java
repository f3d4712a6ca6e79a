package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.testing.FeedFarm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One full poll cycle of 10,000 feeds across 100 loopback hosts (127.0.0.2 … 127.0.0.101): 80 %
 * answer 304, 20 % answer 200 with 1–3 new items. The feed servers run in this JVM; the bot runs
 * in a child JVM ({@link PollCycleBenchMain}) so that its CPU time, heap and RSS are its own.
 *
 * <p>Run: {@code mvn -Pbench test -Dtest=PollCycleBenchmark}.
 */
@Tag("benchmark")
class PollCycleBenchmark {
    static final int FEEDS = Integer.getInteger("bench.feeds", 10_000);
    static final int HOSTS = Integer.getInteger("bench.hosts", 100);

    @Test
    void oneFullPollCycle(@TempDir Path dir) throws Exception {
        try (FeedFarm farm = new FeedFarm(FEEDS, HOSTS, 5)) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + System.getProperty("bench.childXmx", "256m"), "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    PollCycleBenchMain.class.getName(),
                    String.valueOf(FEEDS), String.valueOf(HOSTS), String.valueOf(farm.port()),
                    dir.resolve("bench.db").toString()));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> report = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println("[bot] " + line);
                    if (line.equals("READY-FOR-ROUND")) {
                        farm.advance();
                        toChild.println("GO");
                    } else {
                        report.add(line);
                    }
                }
            }
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as("child exit code").isEqualTo(0);
            System.out.printf("farm: requests=%d notModified=%d%n", farm.requests(), farm.notModified());
            Files.write(dir.resolve("report.txt"), report);
            assertThat(report).anyMatch(l -> l.startsWith("cycle:"));
        }
    }
}
