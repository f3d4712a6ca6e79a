package io.github.tldrbot.bench;

import io.github.tldrbot.app.PollBenchBot;
import io.github.tldrbot.schedule.PollCycleSummary;
import io.github.tldrbot.testing.FeedFarm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The bot side of {@link PollCycleBenchmark}, in its own JVM so that its CPU time, heap and RSS are
 * its own: the bot as {@code run} wires it ({@link PollBenchBot}), every farm feed subscribed once
 * (unmeasured), then one dispatch cycle per {@code ROUND r}, with the clock set to the farm's round
 * time so that every feed is due and the new items are fresh.
 */
public final class PollCycleBenchMain {
    private PollCycleBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        String store = args[3]; // a SQLite file, or a JDBC URL (PostgreSQL; user and password in -Dbench.db.*)
        Instant start = Instant.ofEpochMilli(Long.parseLong(args[4]));
        Duration roundGap = Duration.ofMinutes(Long.parseLong(args[5]));
        MutableClock clock = new MutableClock(start.plusSeconds(60));
        try (PollBenchBot bot = store.startsWith("jdbc:")
                ? PollBenchBot.open(store, System.getProperty("bench.db.user", ""), System.getProperty("bench.db.password", ""), clock)
                : PollBenchBot.open(Path.of(store), clock)) {
            long t0 = System.nanoTime();
            for (int n = 0; n < feeds; n++) {
                bot.subscribe(FeedFarm.url(hosts, port, n), 1 + n % 20, 1000 + n % 200);
            }
            System.out.printf("subscribed %d feeds in %d ms%n", feeds, (System.nanoTime() - t0) / 1_000_000);
            String jfr = System.getProperty("bench.jfr");
            int jfrFrom = Integer.getInteger("bench.jfrFromRound", 0);
            jdk.jfr.Recording recording = null;
            int round;
            while ((round = BenchChildIo.nextRound()) >= 0) {
                if (jfr != null && round == jfrFrom) {
                    // execution samples only (the "profile" settings add allocation, park and lock events with
                    // stacks). Even so a recording raises the bot's CPU per poll 2-3x on this farm and misses
                    // native code (SQLite): rounds recorded are no figures, and shares are a rough guide only
                    recording = new jdk.jfr.Recording();
                    recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
                    recording.setDestination(Path.of(jfr));
                    recording.start();
                }
                clock.set(start.plus(roundGap.multipliedBy(round)).plusSeconds(60));
                long articles0 = bot.count("articles");
                long cards0 = bot.count("cards");
                long deliveries0 = bot.count("deliveries");
                long gc0 = BenchChildIo.gcMillis();
                java.util.Map<String, Long> threads0 = BenchChildIo.threadTicks();
                long cpu0 = BenchChildIo.processCpuNanos();
                long w0 = System.nanoTime();
                PollCycleSummary cycle = bot.pollOnce();
                long wallNs = System.nanoTime() - w0;
                long cpuNs = BenchChildIo.processCpuNanos() - cpu0;
                System.out.println(BenchChildIo.describeThreadCpu(threads0, cpuNs));
                long gcMs = BenchChildIo.gcMillis() - gc0;
                BenchChildIo.result(String.format("round=%d polls=%d ok=%d notModified=%d failed=%d newArticles=%d posted=%d"
                                + " stored=%d cards=%d deliveries=%d wallMs=%d cpuMs=%d gcMs=%d rssMb=%d",
                        round, cycle.feeds(), cycle.ok(), cycle.notModified(), cycle.failed(), cycle.newArticles(), cycle.posted(),
                        bot.count("articles") - articles0, bot.count("cards") - cards0, bot.count("deliveries") - deliveries0,
                        wallNs / 1_000_000, cpuNs / 1_000_000, gcMs, BenchChildIo.procStatusKb("VmRSS") >> 10));
            }
            if (recording != null) {
                recording.close(); // writes the destination
            }
        }
    }

    /** A clock the benchmark sets to each round's time. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
