package io.github.tldrbot.feed;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.card.Summarizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Throughput of {@link FeedParser} (bytes in → articles out) and of parse + extractive cards over every corpus capture, against a
 * bare StAX pass over the same bytes measured in the same run. Extend it by passing more work to
 * {@link #parseThen(Consumer)} (e.g. card building) and comparing against the plain parse figure.
 * Run with {@code mvn -Pbench test -Dtest=ParseThroughputBenchmark}.
 */
@Tag("benchmark")
class ParseThroughputBenchmark {

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long TRIAL_NANOS = 3_000_000_000L;
    private static final int TRIALS = 3;

    /** Work done on one body; throws nothing checked so trials stay simple. */
    interface BodyTask {
        void run(byte[] body);
    }

    private final FeedParser parser = new FeedParser();
    private final Summarizer summarizer = new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));
    private final XMLInputFactory stax = newStaxFactory();
    private long sink;

    @Test
    void parseVersusBareStax() throws IOException {
        List<byte[]> bodies = corpusBodies();
        long totalBytes = bodies.stream().mapToLong(b -> b.length).sum();
        System.out.printf("corpus: %d files, %.2f MB (gzip removed beforehand so both passes read the same XML)%n",
                bodies.size(), totalBytes / 1e6);

        BodyTask staxPass = this::staxPass;
        BodyTask parse = parseThen(feed -> sink += feed.articles().size());
        BodyTask parseAndCards = parseThen(feed -> {
            for (Article article : feed.articles()) {
                sink += summarizer.summarize(article).whoShouldCare().size();
            }
        });

        run(bodies, staxPass, WARM_UP_NANOS);
        run(bodies, parse, WARM_UP_NANOS);
        run(bodies, parseAndCards, WARM_UP_NANOS);
        double[] staxMbs = new double[TRIALS];
        double[] parseMbs = new double[TRIALS];
        double[] cardMbs = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            staxMbs[i] = run(bodies, staxPass, TRIAL_NANOS);
            parseMbs[i] = run(bodies, parse, TRIAL_NANOS);
            cardMbs[i] = run(bodies, parseAndCards, TRIAL_NANOS);
        }
        double stax = median(staxMbs);
        double feed = median(parseMbs);
        double cards = median(cardMbs);
        System.out.printf("bare StAX pass             : %8.2f MB/s (trials %s)%n", stax, Arrays.toString(round(staxMbs)));
        System.out.printf("parse + normalise          : %8.2f MB/s (trials %s)%n", feed, Arrays.toString(round(parseMbs)));
        System.out.printf("parse + normalise + cards  : %8.2f MB/s (trials %s)%n", cards, Arrays.toString(round(cardMbs)));
        System.out.printf("ratio (parse+normalise)/StAX       = %.3f%n", feed / stax);
        System.out.printf("ratio (parse+normalise+cards)/StAX = %.3f (target >= 0.2)%n", cards / stax);
        assertThat(sink).as("articles produced").isPositive();
    }

    /** A task that parses a body and hands the result on: the hook for measuring later pipeline stages. */
    BodyTask parseThen(Consumer<ParsedFeed> downstream) {
        return body -> {
            try {
                downstream.accept(parser.parse(body, null, "https://bench.example/feed"));
            } catch (FeedParseException e) {
                sink++;
            }
        };
    }

    /** Runs the task over the whole corpus repeatedly for about {@code nanos}; returns MB/s. */
    private static double run(List<byte[]> bodies, BodyTask task, long nanos) {
        long bytes = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (byte[] body : bodies) {
                task.run(body);
                bytes += body.length;
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return bytes / 1e6 / (elapsed / 1e9);
    }

    private void staxPass(byte[] body) {
        try {
            XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.hasNext()) {
                    sink += reader.next();
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            sink++; // the broken-as-served captures stop StAX early; their bytes still count
        }
    }

    private static XMLInputFactory newStaxFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLReporter((message, type, info, location) -> { });
        return factory;
    }

    private static List<byte[]> corpusBodies() throws IOException {
        Path feeds = CorpusParseTest.FEEDS;
        if (!Files.isDirectory(feeds)) {
            System.out.println("SKIPPED ParseThroughputBenchmark: " + feeds.toAbsolutePath() + " is absent");
        }
        assumeTrue(Files.isDirectory(feeds), "shared corpus absent");
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(feeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.getFileName().toString().equals("MANIFEST.tsv")) {
                    continue;
                }
                bodies.add(gunzipIfNeeded(Files.readAllBytes(file)));
            }
        }
        return bodies;
    }

    private static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }
}
