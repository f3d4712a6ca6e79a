package io.github.tldrbot.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.config.FetchConfig;
import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.schedule.PollCycleSummary;
import io.github.tldrbot.schedule.PollDispatcher;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.testing.FeedFarm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot side of {@link PollCycleBenchmark}, in its own JVM: seeds 10,000 feeds (unmeasured),
 * asks the farm for the next round, then measures one full dispatch cycle with the production
 * fetcher, parser, extractive summarizer, SQLite store and dispatcher. Baseline in the same run:
 * the same 10,000 conditional GETs with a bare {@link HttpClient} at the same concurrency, no
 * parsing or storing (a third round, so it also sees 80 % 304).
 */
public final class PollCycleBenchMain {
    private static final BufferedReader PARENT = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int feeds = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        Path dbFile = Path.of(args[3]);
        MutableClock clock = new MutableClock(Instant.now());
        FetchConfig fetch = new FetchConfig("tldr-bot-bench", Duration.ofSeconds(15), 10L * 1024 * 1024, 5, 32, 2, true);
        PollingConfig polling = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofHours(24), Duration.ofDays(3), 5, 10);
        AtomicInteger cards = new AtomicInteger();
        try (Database db = new Database("jdbc:sqlite:" + dbFile);
             HttpFeedFetcher fetcher = new HttpFeedFetcher(fetch)) {
            FeedStore feedStore = new FeedStore(db);
            ArticleStore articles = new ArticleStore(db);
            for (int n = 0; n < feeds; n++) {
                feedStore.add(FeedFarm.url(hosts, port, n), clock.instant(), polling.defaultInterval());
            }
            // as app/Wiring does: parse without language detection, detect for new entries only
            FeedParser parser = new FeedParser(ArticleLanguage.NONE);
            FeedRefresher refresher = new FeedRefresher(fetcher, parser::parse, feedStore, articles,
                    new NewArticlePoster(new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list())),
                            new CardStore(db), posted -> cards.incrementAndGet(), clock),
                    new PollIntervalPolicy(polling), polling, clock, new ArticleLanguage());
            try (PollDispatcher dispatcher = PollDispatcher.forConfig(feedStore, refresher, fetch, clock)) {
                long t0 = System.nanoTime();
                PollCycleSummary seed = dispatcher.runOnce();
                System.out.printf("seed: %s wall=%dms%n", seed, (System.nanoTime() - t0) / 1_000_000);

                nextRound();
                clock.advance(Duration.ofHours(25));
                resetPeakHeap();
                int cardsBefore = cards.get();
                long cpu0 = processCpuNanos();
                long w0 = System.nanoTime();
                PollCycleSummary cycle = dispatcher.runOnce();
                long wallNs = System.nanoTime() - w0;
                long cpuNs = processCpuNanos() - cpu0;
                System.out.printf("cycle: feeds=%d ok=%d notModified=%d failed=%d newArticles=%d cards=%d%n",
                        cycle.feeds(), cycle.ok(), cycle.notModified(), cycle.failed(), cycle.newArticles(), cards.get() - cardsBefore);
                System.out.printf("cycle: wall=%.2fs cpu=%.2fs feedsPerSecond=%.0f peakHeap=%dMB rssPeak=%dMB rssNow=%dMB%n",
                        wallNs / 1e9, cpuNs / 1e9, cycle.feeds() / (wallNs / 1e9), peakHeapBytes() >> 20,
                        procStatusKb("VmHWM") >> 10, procStatusKb("VmRSS") >> 10);

                nextRound();
                long baseNs = bareConditionalPass(feeds, hosts, port, fetch.maxConcurrent());
                System.out.printf("baseline: bare conditional GET pass wall=%.2fs feedsPerSecond=%.0f%n",
                        baseNs / 1e9, feeds / (baseNs / 1e9));
                System.out.printf("ratio: bot cycle throughput / bare HTTP pass throughput = %.2f%n", (double) baseNs / wallNs);
            }
        }
    }

    /** Asks the parent to advance the farm to its next round and waits for it. */
    private static void nextRound() throws Exception {
        System.out.println("READY-FOR-ROUND");
        System.out.flush();
        String answer = PARENT.readLine();
        if (!"GO".equals(answer)) {
            throw new IllegalStateException("parent did not answer GO: " + answer);
        }
    }

    /** 10,000 GETs with the ETag each URL answered last time: no parse, no store, no card. */
    private static long bareConditionalPass(int feeds, int hosts, int port, int concurrency) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, String> etags = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            runPass(client, pool, etags, feeds, hosts, port); // learn the ETags (unmeasured)
            nextRound();
            long t0 = System.nanoTime();
            runPass(client, pool, etags, feeds, hosts, port);
            return System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runPass(HttpClient client, ExecutorService pool, Map<Integer, String> etags, int feeds, int hosts, int port)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < feeds; n++) {
            int feed = n;
            futures.add(pool.submit(() -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FeedFarm.url(hosts, port, feed)));
                String etag = etags.get(feed);
                if (etag != null) {
                    request.header("If-None-Match", etag);
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("ETag").ifPresent(e -> etags.put(feed, e));
                return response.statusCode();
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long procStatusKb(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** A clock the benchmark moves forward so that every feed is due again. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
