package io.github.tldrbot.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.github.tldrbot.testing.FeedFarm;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of {@link PollCycleBenchmark}, in its own JVM: a naive poller — 32 threads, one
 * {@link HttpClient}, a conditional GET per feed with the ETag and Last-Modified it saw last, Rome
 * parses every 200, nothing is stored. What any feed reader must at least do.
 */
public final class NaivePollerMain {
    private NaivePollerMain() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).build();
        Map<Integer, String[]> validators = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int round;
            while ((round = BenchChildIo.nextRound()) >= 0) {
                AtomicLong ok = new AtomicLong();
                AtomicLong notModified = new AtomicLong();
                AtomicLong entries = new AtomicLong();
                long gc0 = BenchChildIo.gcMillis();
                java.util.Map<String, Long> threads0 = BenchChildIo.threadTicks();
                long cpu0 = BenchChildIo.processCpuNanos();
                long w0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>(feeds);
                for (int n = 0; n < feeds; n++) {
                    int feed = n;
                    futures.add(pool.submit(() -> {
                        poll(client, FeedFarm.url(hosts, port, feed), feed, validators, ok, notModified, entries);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                long wallNs = System.nanoTime() - w0;
                long cpuNs = BenchChildIo.processCpuNanos() - cpu0;
                System.out.println(BenchChildIo.describeThreadCpu(threads0, cpuNs));
                BenchChildIo.result(String.format("round=%d polls=%d ok=%d notModified=%d entries=%d wallMs=%d cpuMs=%d gcMs=%d rssMb=%d",
                        round, feeds, ok.get(), notModified.get(), entries.get(), wallNs / 1_000_000, cpuNs / 1_000_000,
                        BenchChildIo.gcMillis() - gc0, BenchChildIo.procStatusKb("VmRSS") >> 10));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void poll(HttpClient client, String url, int feed, Map<Integer, String[]> validators,
                             AtomicLong ok, AtomicLong notModified, AtomicLong entries) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("User-Agent", "naive-poller");
        String[] seen = validators.get(feed);
        if (seen != null) {
            if (seen[0] != null) {
                request.header("If-None-Match", seen[0]);
            }
            if (seen[1] != null) {
                request.header("If-Modified-Since", seen[1]);
            }
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 304) {
            notModified.incrementAndGet();
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
        }
        SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        entries.addAndGet(parsed.getEntries().size());
        ok.incrementAndGet();
        validators.put(feed, new String[]{response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)});
    }
}
