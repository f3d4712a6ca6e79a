package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.store.PostgresTestServer;
import io.github.tldrbot.testing.FeedFarm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poll cost on a realistic farm (issue 11 item 7): {@value #DEFAULT_FEEDS} feeds on 100 loopback
 * hosts, each document 20 items / ~27 KB with HTML descriptions ({@link FeedFarm}); round 0 answers
 * 200 everywhere (the bot seeds), every later round 304 for 80 % and a changed document with 1–3
 * new items for 20 %. Two child JVMs with the same flags poll the same rounds: the bot as
 * {@code run} wires it ({@link PollCycleBenchMain}: claim → fetch → parse → store → stories → card →
 * outbox, one subscription per feed) and a naive poller ({@link NaivePollerMain}: 32 threads,
 * HttpClient, conditional GET, Rome, nothing stored). They take turns within each round (the order
 * alternates), so both see the same machine load. Per round: wall time and process CPU per poll,
 * and the ratio bot / naive; each child also prints its CPU by thread group (pollers, JIT compiler,
 * GC, HTTP client) from /proc, which shows where the process time goes without a profiler.
 *
 * <p>Run: {@code mvn -o -q -Pbench test -Dtest=PollCycleBenchmark} (about 10 minutes);
 * {@code -Dbench.feeds=2000} for a quick run, {@code -Dbench.rounds=N} steady rounds (default 4),
 * {@code -Dbench.jfr=/tmp/bot.jfr} records the bot child with JFR (from round
 * {@code -Dbench.jfrFromRound}, default 0), {@code -Dbench.childJvm="-Xmx2g"}.
 */
@Tag("benchmark")
class PollCycleBenchmark {
    static final int DEFAULT_FEEDS = 10_000;
    static final int FEEDS = Integer.getInteger("bench.feeds", DEFAULT_FEEDS);
    static final int HOSTS = Integer.getInteger("bench.hosts", 100);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    static final Duration ROUND_GAP = Duration.ofHours(2);
    /** {@code -Dbench.store=postgresql}: the bot's store is the tests' embedded PostgreSQL instead of a SQLite file. */
    static final boolean POSTGRES = "postgresql".equals(System.getProperty("bench.store"));

    @Test
    void pollCostAgainstNaivePoller(@TempDir Path dir) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (FeedFarm farm = new FeedFarm(FEEDS, HOSTS, start, ROUND_GAP)) {
            String jfr = System.getProperty("bench.jfr");
            List<String> botJvm = jfr == null ? List.of()
                    : List.of("-Dbench.jfr=" + jfr, "-Dbench.jfrFromRound=" + Integer.getInteger("bench.jfrFromRound", 0));
            List<String> botArgs = new ArrayList<>(botJvm);
            String store = dir.resolve("bench.db").toString();
            if (POSTGRES) {
                StorageConfig pg = PostgresTestServer.get().createDatabase(true);
                store = pg.jdbcUrl();
                botArgs.addAll(List.of("-Dbench.db.user=" + pg.username(), "-Dbench.db.password=" + pg.password()));
            }
            System.out.println("store: " + (POSTGRES ? "PostgreSQL (the tests' embedded server; its processes' CPU is added to the bot's)" : "SQLite"));
            try (Child bot = Child.start("bot", botArgs, PollCycleBenchMain.class, String.valueOf(FEEDS), String.valueOf(HOSTS),
                    String.valueOf(farm.port()), store, String.valueOf(start.toEpochMilli()),
                    String.valueOf(ROUND_GAP.toMinutes()));
                 Child naive = Child.start("naive", List.of(), NaivePollerMain.class, String.valueOf(FEEDS), String.valueOf(HOSTS),
                         String.valueOf(farm.port()), "32")) {
                List<Map<String, Long>> bots = new ArrayList<>();
                List<Map<String, Long>> naives = new ArrayList<>();
                for (int round = 0; round <= ROUNDS; round++) {
                    if (round > 0) {
                        farm.advance();
                    }
                    if (round % 2 == 0) {
                        bots.add(botRound(bot, round));
                        naives.add(naive.round(round));
                    } else {
                        naives.add(naive.round(round));
                        bots.add(botRound(bot, round));
                    }
                    report(round, bots.get(round), naives.get(round));
                }
                summary(bots, naives);
                System.out.printf("farm: requests=%d notModified=%d otherRequests=%d served=%d MB%n", farm.requests(),
                        farm.notModified(), farm.otherRequests(), farm.bytesServed() >> 20);
                assertThat(bots.get(0).get("failed")).isZero();
                assertThat(farm.otherRequests()).as("article pages read").isZero();
            }
        }
    }

    /** One round of the bot; on PostgreSQL the server's CPU during it counts as the bot's ({@code dbCpuMs}). */
    private static Map<String, Long> botRound(Child bot, int round) throws IOException {
        long db0 = POSTGRES ? PostgresCpu.millis() : 0;
        Map<String, Long> values = new HashMap<>(bot.round(round));
        long db = POSTGRES ? PostgresCpu.millis() - db0 : 0;
        values.put("dbCpuMs", db);
        values.put("cpuMs", values.get("cpuMs") + db);
        if (POSTGRES) {
            System.out.printf("round %d: PostgreSQL server CPU %.2fs (included in the bot's cpu below)%n", round, db / 1e3);
        }
        return values;
    }

    private static void report(int round, Map<String, Long> bot, Map<String, Long> naive) {
        System.out.printf("round %d: bot  polls=%d ok=%d 304=%d new=%d posted=%d deliveries=%d wall=%.2fs cpu=%.2fs (%.3f ms/poll) gc=%dms rss=%dMB%n",
                round, bot.get("polls"), bot.get("ok"), bot.get("notModified"), bot.get("newArticles"), bot.get("posted"),
                bot.get("deliveries"), bot.get("wallMs") / 1e3, bot.get("cpuMs") / 1e3, cpuPerPoll(bot), bot.get("gcMs"), bot.get("rssMb"));
        System.out.printf("round %d: naive polls=%d ok=%d 304=%d entries=%d wall=%.2fs cpu=%.2fs (%.3f ms/poll) gc=%dms rss=%dMB%n",
                round, naive.get("polls"), naive.get("ok"), naive.get("notModified"), naive.get("entries"),
                naive.get("wallMs") / 1e3, naive.get("cpuMs") / 1e3, cpuPerPoll(naive), naive.get("gcMs"), naive.get("rssMb"));
        System.out.printf("round %d: ratio bot/naive wall=%.2f cpu/poll=%.2f%n", round,
                (double) bot.get("wallMs") / naive.get("wallMs"), cpuPerPoll(bot) / cpuPerPoll(naive));
    }

    private static void summary(List<Map<String, Long>> bots, List<Map<String, Long>> naives) {
        System.out.printf("first round (all 200): bot wall=%.1fs cpu/poll=%.2fms | naive wall=%.1fs cpu/poll=%.2fms | ratio wall=%.2f cpu=%.2f%n",
                bots.get(0).get("wallMs") / 1e3, cpuPerPoll(bots.get(0)), naives.get(0).get("wallMs") / 1e3,
                cpuPerPoll(naives.get(0)), (double) bots.get(0).get("wallMs") / naives.get(0).get("wallMs"),
                cpuPerPoll(bots.get(0)) / cpuPerPoll(naives.get(0)));
        if (bots.size() < 2) {
            return;
        }
        double[] botWall = steady(bots, m -> m.get("wallMs") / 1e3);
        double[] naiveWall = steady(naives, m -> m.get("wallMs") / 1e3);
        double[] botCpu = steady(bots, PollCycleBenchmark::cpuPerPoll);
        double[] naiveCpu = steady(naives, PollCycleBenchmark::cpuPerPoll);
        double[] wallRatio = new double[botWall.length];
        double[] cpuRatio = new double[botWall.length];
        for (int i = 0; i < botWall.length; i++) {
            wallRatio[i] = botWall[i] / naiveWall[i];
            cpuRatio[i] = botCpu[i] / naiveCpu[i];
        }
        System.out.printf("steady rounds (%d): bot wall %s s, naive wall %s s, ratio %s%n", botWall.length,
                range(botWall), range(naiveWall), range(wallRatio));
        System.out.printf("steady rounds (%d): bot cpu/poll %s ms, naive cpu/poll %s ms, ratio %s%n", botWall.length,
                range(botCpu), range(naiveCpu), range(cpuRatio));
    }

    private static double[] steady(List<Map<String, Long>> rounds, java.util.function.ToDoubleFunction<Map<String, Long>> f) {
        return rounds.subList(1, rounds.size()).stream().mapToDouble(f).toArray();
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.2f–%.2f (median %.2f)", sorted[0], sorted[sorted.length - 1], sorted[sorted.length / 2]);
    }

    private static double cpuPerPoll(Map<String, Long> m) {
        return (double) m.get("cpuMs") / m.get("polls");
    }

    /** A child JVM speaking the {@link BenchChildIo} protocol; its other output is echoed with a prefix. */
    private static final class Child implements AutoCloseable {
        private final String name;
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;

        private Child(String name, Process process) {
            this.name = name;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Child start(String name, List<String> extraJvm, Class<?> main, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getProperty("bench.childJvm", "-Xmx2g").split("\\s+")));
            command.addAll(extraJvm);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(Arrays.asList(args));
            Child child = new Child(name, new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            child.await("READY");
            return child;
        }

        Map<String, Long> round(int round) throws IOException {
            in.println("ROUND " + round);
            String result = await("RESULT ");
            Map<String, Long> values = new HashMap<>();
            for (String field : result.substring("RESULT ".length()).split(" ")) {
                String[] kv = field.split("=", 2);
                values.put(kv[0], Long.parseLong(kv[1]));
            }
            await("READY");
            return values;
        }

        private String await(String prefix) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                System.out.println("[" + name + "] " + line);
            }
            throw new IllegalStateException(name + " ended before " + prefix.trim());
        }

        @Override
        public void close() throws Exception {
            in.println("QUIT");
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as(name + " exit code").isZero();
        }
    }
}
