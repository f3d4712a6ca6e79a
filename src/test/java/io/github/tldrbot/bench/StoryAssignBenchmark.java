package io.github.tldrbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.story.StoryArticle;
import io.github.tldrbot.story.StoryIndex;
import io.github.tldrbot.story.StorySettings;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Story assignment cost per article once 1,000,000 articles have been stored (issue target: at most
 * 2 ms per article at 1 M stored articles), against a naive exact scan measured in the same run.
 * Run: {@code mvn -o -q -Pbench test -Dtest=StoryAssignBenchmark} (about 3 minutes); the full protocol,
 * every one of the million articles fed to the index and the last 100,000 measured, with
 * {@code -Dstory.bench.full=true} (about 15 minutes for both variants on the build machine).
 *
 * <p>Workload: a lazily generated, seeded stream of 1,000,000 synthetic news articles in publication
 * order (Poisson arrivals). Words follow one Zipf law (50,000 types, exponent 1; the 112 most frequent
 * are English function words, about 47 % of the running words); titles have 6–12 words, leads 40–80
 * words. Every headline opens with a name, half from 5,000 widely covered actors drawn by a Zipf law,
 * half particular to the event (a shared given name and a rare surname); leads hold 2–4 names (mostly
 * the headline's subject again) and 1–2 numbers. Each article has a canonical link on the host of its
 * feed (5,000 feeds of Zipf-distributed activity on 500 hosts). 30 % of the articles re-tell an article
 * published 0–24 h earlier (mean 3 h) from another host: most names and numbers and about half of the
 * words kept, the rest redrawn; one re-telling in seven cites a source page of the event. The re-told
 * article may itself be a re-telling, so big events grow.
 *
 * <p>Two densities: 1 M articles over 60 days (about 16,700 a day, a large self-hosted install: the
 * index then holds its two windows of 72 h, about 100,000 articles) and 1 M over 20 days (50,000 a day,
 * about 300,000 held). The index holds only two windows, so its state at the millionth article depends
 * on the last six days of articles (and, through the decaying document frequencies, faintly on the
 * weeks before). The default run therefore draws the whole stream but feeds the index only from two
 * windows and three hours before the assignments start (which fills the window exactly as the full run
 * does); the full run feeds every article. Either way the articles before the assigned ones go in with
 * {@link StoryIndex#add} (the restart path: features, document frequencies, postings, eviction, with
 * the generator's own events as stories), because assigning a million articles one by one takes far
 * longer than a benchmark may; then some articles are assigned unmeasured (JIT, stories formed by the
 * index itself) and the last ones are assigned and timed one by one with {@link System#nanoTime}.
 *
 * <p>Baseline: for 200 of the measured articles, just before the article is assigned, a naive exact
 * scan — TF-IDF cosine (its own simple tokenizer) against a copy of every article the index holds,
 * those within the window scored and grouped by story as the index groups them — is timed.
 */
@Tag("benchmark")
class StoryAssignBenchmark {

    static final long SEED = 0x5107_2A55L;
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final int ARTICLES = 1_000_000;
    static final boolean FULL = Boolean.getBoolean("story.bench.full");
    static final int MEASURED = Integer.getInteger("story.bench.measured", FULL ? 100_000 : 3_000);
    static final int ASSIGN_WARMUP = Integer.getInteger("story.bench.assignWarmup", FULL ? 5_000 : 500);
    static final int NAIVE_SAMPLES = Integer.getInteger("story.bench.naiveSamples", 200);
    /** Fed before the assignments in the default run: two windows and this margin. */
    static final Duration FEED_MARGIN = Duration.ofHours(3);

    @Test
    void oneMillionOver60Days() {
        run(Duration.ofDays(60));
    }

    @Test
    void oneMillionOver20Days() {
        run(Duration.ofDays(20));
    }

    private static void run(Duration span) {
        StorySettings settings = StorySettings.defaults();
        long windowSec = settings.window().toSeconds();
        double meanGapSec = (double) span.toSeconds() / ARTICLES;
        int measureFrom = ARTICLES - MEASURED;
        int assignFrom = measureFrom - ASSIGN_WARMUP;
        int fedFrom = FULL ? 0 : Math.max(0, assignFrom - (int) Math.ceil((2 * windowSec + FEED_MARGIN.toSeconds()) / meanGapSec));
        // the naive copy must hold every article the index holds when sampling starts: two windows back,
        // with a generous margin for the random arrivals
        int naiveFrom = Math.max(fedFrom, measureFrom - (int) (1.3 * 2 * windowSec / meanGapSec) - 1000);
        int sampleEvery = Math.max(1, MEASURED / NAIVE_SAMPLES);

        NewsStream stream = new NewsStream(new SplittableRandom(SEED), meanGapSec);
        StoryIndex index = new StoryIndex(settings);
        NaiveWindow naive = new NaiveWindow(settings);
        long[] nanos = new long[MEASURED];
        long[] naiveNanos = new long[NAIVE_SAMPLES];
        int samples = 0;
        int joined = 0;
        int retold = 0;
        int retoldJoined = 0;
        int freshJoined = 0;
        int naiveAgrees = 0;
        int sizeMismatch = 0;
        int heldMin = Integer.MAX_VALUE;
        int heldMax = 0;
        long scoredSum = 0;
        long[] phase = new long[4]; // generation only, add(), assign() unmeasured, assign() measured (wall)
        long wallStart = System.nanoTime();
        long mark = wallStart;

        for (int i = 0; i < ARTICLES; i++) {
            if (i == fedFrom || i == assignFrom || i == measureFrom) {
                long now = System.nanoTime();
                phase[i == fedFrom && i < assignFrom ? 0 : i == assignFrom ? 1 : 2] += now - mark;
                mark = now;
            }
            Generated g = stream.next(i >= fedFrom);
            if (i < fedFrom) {
                continue;
            }
            StoryArticle a = g.article();
            long story;
            if (i < assignFrom) {
                story = g.eventId();
                index.add(a, story);
            } else if (i < measureFrom) {
                story = index.assign(a);
            } else {
                int k = i - measureFrom;
                Long naiveStory = null;
                if (k % sampleEvery == 0 && samples < NAIVE_SAMPLES) {
                    int held = index.size();
                    sizeMismatch += naive.size() == held ? 0 : 1;
                    heldMin = Math.min(heldMin, held);
                    heldMax = Math.max(heldMax, held);
                    long n0 = System.nanoTime();
                    naiveStory = naive.assign(a);
                    naiveNanos[samples++] = System.nanoTime() - n0;
                    scoredSum += naive.lastScored();
                }
                long t0 = System.nanoTime();
                story = index.assign(a);
                nanos[k] = System.nanoTime() - t0;
                if (naiveStory != null) {
                    naiveAgrees += naiveStory == story ? 1 : 0;
                }
                boolean join = story != a.id();
                joined += join ? 1 : 0;
                if (g.retelling()) {
                    retold++;
                    retoldJoined += join ? 1 : 0;
                } else {
                    freshJoined += join ? 1 : 0;
                }
            }
            if (i >= naiveFrom) {
                naive.add(a, story);
            }
        }
        phase[3] = System.nanoTime() - mark;
        long wallNanos = System.nanoTime() - wallStart;

        int held = index.size();
        int stories = index.storyCount();
        int terms = index.termCount();
        int naiveHeld = naive.size();
        int fresh = MEASURED - retold;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] naiveSorted = Arrays.copyOf(naiveNanos, samples);
        Arrays.sort(naiveSorted);
        // drop everything but the index before weighing the heap
        naive = null;
        stream = null;
        long heap = heapAfterGc();
        Reference.reachabilityFence(index);

        double perDay = ARTICLES / (span.toSeconds() / 86400.0);
        System.out.printf(Locale.ROOT, "== StoryAssignBenchmark: %,d articles over %d days (%,.0f a day), window %d h, "
                + "default settings, %s run (load average %.1f)%n", ARTICLES, span.toDays(), perDay, windowSec / 3600,
                FULL ? "full" : "default", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "   %,d drawn, not fed (%.1f s); %,d fed with add() (%.1f s); %,d assign() unmeasured "
                + "(%.1f s); last %,d assign() measured (%.1f s); whole run %.1f s%n", fedFrom, phase[0] / 1e9,
                assignFrom - fedFrom, phase[1] / 1e9, ASSIGN_WARMUP, phase[2] / 1e9, MEASURED, phase[3] / 1e9, wallNanos / 1e9);
        System.out.printf(Locale.ROOT, "assign per article (last %,d): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms, "
                + "mean %.3f ms%n", MEASURED, ms(pct(sorted, 0.50)), ms(pct(sorted, 0.95)), ms(pct(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), ms(mean(sorted)));
        System.out.printf(Locale.ROOT, "index after the run: %,d articles held, %,d stories, %,d terms; heap used after GC "
                + "%.0f MB (index only)%n", held, stories, terms, heap / 1e6);
        if (!FULL) {
            System.out.printf(Locale.ROOT, "   (only the last %.1f days were fed: the terms kept by their decayed document "
                    + "frequencies, and the heap with them, are those of the full run, -Dstory.bench.full=true)%n",
                    (assignFrom - fedFrom) * meanGapSec / 86400);
        }
        System.out.printf(Locale.ROOT, "joined an existing story: %.1f %% of the measured (re-tellings %.1f %% of %,d; "
                + "fresh articles %.1f %% of %,d)%n", 100.0 * joined / MEASURED, 100.0 * retoldJoined / retold, retold,
                100.0 * freshJoined / fresh, fresh);
        System.out.printf(Locale.ROOT, "naive exact scan, %d of the measured articles, each against every held article "
                + "(%,d–%,d; %,.0f on average within the window and scored): p50 %.3f ms, p95 %.3f ms, mean %.3f ms; "
                + "same story as the index for %d of %d%n", samples, heldMin, heldMax, (double) scoredSum / samples,
                ms(pct(naiveSorted, 0.5)), ms(pct(naiveSorted, 0.95)), ms(mean(naiveSorted)), naiveAgrees, samples);
        System.out.printf(Locale.ROOT, "ratio indexed/naive: p50 %.4f, mean %.4f%n",
                (double) pct(sorted, 0.5) / pct(naiveSorted, 0.5), mean(sorted) / mean(naiveSorted));

        assertThat(samples).isEqualTo(Math.min(NAIVE_SAMPLES, MEASURED));
        assertThat(sizeMismatch).as("the naive copy holds the articles the index holds").isZero();
        assertThat(naiveHeld).isEqualTo(held);
        // bounded: about two windows of articles, far below everything stored
        double expectedHeld = 2 * windowSec / meanGapSec;
        assertThat((double) held).isBetween(0.9 * expectedHeld, 1.1 * expectedHeld);
        assertThat(held).isLessThan(ARTICLES / 3);
        // stories form: most re-tellings find their event, most fresh articles start a story of their own
        assertThat((double) retoldJoined / retold).isGreaterThan(0.8);
        assertThat((double) freshJoined / fresh).isLessThan(0.2);
        assertThat(stories).isLessThan(held);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static double mean(long[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------------------------------------
    // The synthetic news stream

    /** One generated article and the event it tells (the id of the event's first article). */
    record Generated(StoryArticle article, long eventId, boolean retelling) {
    }

    /**
     * The 112 most frequent word types of the Zipf law: English function and reporting words that
     * story matching drops as stop words (their folded forms are in its stop list).
     */
    static final String[] FUNCTION_WORDS = ("the of and to a in that is was for on it with as he said at by from his an be "
            + "has have are but were not this had they which their after been will more would about who also one she "
            + "its her or we new than when there all into up over two can out last other year time some told could "
            + "them if no only so what most because our just before during while where under since against between "
            + "both many such those these then through very may week according each being any until still now "
            + "how him did do does down off once own same should too").split(" +");

    /** Capitalised sentence openers: stop words, so that a name right after them still reads as a name. */
    static final String[] OPENERS = {"The", "In", "On", "After", "A", "This", "It", "But", "As", "At", "According to",
        "With", "For"};

    static final String[] SECTIONS = {"news", "world", "politics", "business", "tech", "science", "sport", "local",
        "culture", "health", "economy", "europe"};

    static final String[] TLDS = {"com", "net", "org", "co.uk", "de", "news", "info", "io"};

    /**
     * A seeded, lazily generated stream of articles in publication order. An article is kept in a
     * compact token form (word ranks, name indexes, numbers) for the last day only, so that re-tellings
     * can copy from it; only the rendered article is handed out.
     */
    static final class NewsStream {

        static final int VOCABULARY = 50_000;
        /** Names of widely covered actors (countries, leaders, companies), drawn by a Zipf law. */
        static final int POPULAR_NAMES = 5_000;
        /** Names particular to an event (a person, a place, a firm), drawn uniformly from a large space. */
        static final int EVENT_NAMES = 1 << 24;
        static final int GIVEN_NAMES = 2_000;
        static final int HOSTS = 500;
        static final int FEEDS = 5_000;
        static final double RETELL_SHARE = 0.30;
        static final double RETELL_LAG_MEAN_SEC = 3 * 3600;
        static final double RETELL_LAG_MAX_SEC = 24 * 3600;
        /** Token codes: a word rank (>= 0), a name (-1 - index), or a number (>= NUMBER_BASE). */
        static final int NUMBER_BASE = 1 << 30;

        private final SplittableRandom rnd;
        private final double meanGapSec;
        private final String[] words = new String[VOCABULARY];
        private final String[] popular = new String[POPULAR_NAMES];
        private final String[] given = new String[GIVEN_NAMES];
        private final String[] hosts = new String[HOSTS];
        private final Zipf wordLaw = new Zipf(VOCABULARY, 1.0);
        private final Zipf nameLaw = new Zipf(POPULAR_NAMES, 1.0);
        private final Zipf feedLaw = new Zipf(FEEDS, 0.8);
        private final int[] feedOf = new int[FEEDS];
        private final int functionWords;
        /** The last day of articles, for re-tellings (ring buffer in publication order). */
        private final Core[] recent = new Core[1 << 17];
        private long recentCount;
        /** The generator of the article being rendered. */
        private SplittableRandom rr;
        private long nextId = 1;
        private double clockSec;

        NewsStream(SplittableRandom rnd, double meanGapSec) {
            this.rnd = rnd;
            this.meanGapSec = meanGapSec;
            Set<String> seen = new HashSet<>();
            for (String w : FUNCTION_WORDS) {
                seen.add(w);
            }
            functionWords = FUNCTION_WORDS.length;
            for (int i = 0; i < VOCABULARY; i++) {
                words[i] = i < functionWords ? FUNCTION_WORDS[i] : fresh(seen, 2 + rnd.nextInt(2), false);
            }
            for (int i = 0; i < POPULAR_NAMES; i++) {
                int kind = rnd.nextInt(20);
                if (kind < 3) {
                    popular[i] = acronym(seen);
                } else if (kind < 15) {
                    popular[i] = fresh(seen, 2 + rnd.nextInt(2), true);
                } else {
                    popular[i] = fresh(seen, 2, true) + " " + fresh(seen, 2 + rnd.nextInt(2), true);
                }
            }
            for (int i = 0; i < GIVEN_NAMES; i++) {
                given[i] = fresh(seen, 2, true);
            }
            for (int i = 0; i < HOSTS; i++) {
                hosts[i] = fresh(seen, 2 + rnd.nextInt(2), false) + (rnd.nextBoolean() ? "news" : "")
                        + "." + TLDS[rnd.nextInt(TLDS.length)];
            }
            for (int f = 0; f < FEEDS; f++) {
                feedOf[f] = rnd.nextInt(HOSTS);
            }
        }

        /** The next article; with {@code render} false only its event is drawn (the stream goes on the same). */
        Generated next(boolean render) {
            clockSec += -Math.log(1 - rnd.nextDouble()) * meanGapSec;
            long t = (long) clockSec;
            long id = nextId++;
            Core base = rnd.nextDouble() < RETELL_SHARE ? pickRecent(t) : null;
            Core c = base == null ? freshCore(id, t) : retell(base, id, t);
            recent[(int) (recentCount++ & (recent.length - 1))] = c;
            return new Generated(render ? render(c) : null, c.eventId, base != null);
        }

        /** An article published about {@code lag} before {@code t} (exponential, mean 3 h, at most a day), or null. */
        private Core pickRecent(long t) {
            if (recentCount == 0) {
                return null;
            }
            double lag = Math.min(RETELL_LAG_MAX_SEC, -Math.log(1 - rnd.nextDouble()) * RETELL_LAG_MEAN_SEC);
            long target = t - (long) lag;
            long lo = Math.max(0, recentCount - recent.length);
            long hi = recentCount - 1;
            if (at(lo).time > target) {
                return null; // the stream is younger than the lag
            }
            while (lo < hi) { // last article published at or before target
                long mid = (lo + hi + 1) >>> 1;
                if (at(mid).time <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return t - at(lo).time <= RETELL_LAG_MAX_SEC ? at(lo) : null;
        }

        private Core at(long k) {
            return recent[(int) (k & (recent.length - 1))];
        }

        private Core freshCore(long id, long t) {
            int feed = feedLaw.next(rnd);
            int titleLen = 6 + rnd.nextInt(7);
            int[] title = new int[titleLen];
            // the headline opens with its subject: a widely covered actor or one particular to the event
            title[0] = rnd.nextBoolean() ? popularName() : eventName();
            int titleNumbers = rnd.nextInt(3) == 0 ? 1 : 0;
            int secondName = rnd.nextInt(4) == 0 ? 1 : 0;
            for (int i = 1; i < titleLen; i++) {
                title[i] = i <= titleNumbers ? number() : i <= titleNumbers + secondName ? eventName() : word();
            }
            shuffleKeepingFirst(title);
            int leadLen = 40 + rnd.nextInt(41);
            int[] lead = new int[leadLen];
            int leadNames = 1 + rnd.nextInt(2) + 1 + rnd.nextInt(2);
            int leadNumbers = 1 + rnd.nextInt(2);
            for (int i = 0; i < leadLen; i++) {
                if (i == 0) {
                    lead[i] = rnd.nextInt(10) < 7 ? title[0] : eventName(); // the lead names the headline's subject again
                } else if (i < leadNames) {
                    lead[i] = i % 2 == 0 ? popularName() : eventName();
                } else {
                    lead[i] = i < leadNames + leadNumbers ? number() : word();
                }
            }
            // the lead repeats some of the title's content
            for (int i = 0; i < titleLen; i++) {
                if (title[i] >= functionWords && rnd.nextInt(2) == 0) {
                    lead[leadNames + leadNumbers + rnd.nextInt(leadLen - leadNames - leadNumbers)] = title[i];
                }
            }
            shuffle(lead);
            return new Core(id, id, t, feed, title, lead);
        }

        /** The same event told by another outlet: most distinctive tokens kept, the rest rewritten. */
        private Core retell(Core base, long id, long t) {
            int feed;
            do {
                feed = feedLaw.next(rnd);
            } while (feedOf[feed] == feedOf[base.feed]);
            int[] title = base.title.clone();
            for (int i = 0; i < title.length; i++) {
                title[i] = mutate(title[i], 0.6, 0.9, 0.85);
            }
            shuffleKeepingFirst(title);
            int leadLen = 40 + rnd.nextInt(41);
            int[] lead = new int[leadLen];
            for (int i = 0; i < leadLen; i++) {
                lead[i] = i < base.lead.length ? mutate(base.lead[i], 0.45, 0.85, 0.8) : word();
            }
            shuffle(lead);
            return new Core(id, base.eventId, t, feed, title, lead);
        }

        /** A token of the re-telling: function words are drawn again, others kept with the given odds. */
        private int mutate(int token, double keepWord, double keepName, double keepNumber) {
            if (token >= NUMBER_BASE) {
                return rnd.nextDouble() < keepNumber ? token : number();
            }
            if (token < 0) {
                return rnd.nextDouble() < keepName ? token : -1 - token < POPULAR_NAMES ? popularName() : eventName();
            }
            if (token < functionWords) {
                return word();
            }
            return rnd.nextDouble() < keepWord ? token : word();
        }

        private int word() {
            return wordLaw.next(rnd);
        }

        private int popularName() {
            return -1 - nameLaw.next(rnd);
        }

        private int eventName() {
            return -1 - POPULAR_NAMES - rnd.nextInt(EVENT_NAMES);
        }

        /**
         * An event's name, the same for the same index: a given name shared by many and a surname (two
         * to three syllables) made from the index, sometimes followed by a kind ("Port", "Group").
         */
        private String eventNameText(int k) {
            SplittableRandom r = new SplittableRandom(SEED ^ (k * 0x9E3779B97F4A7C15L));
            StringBuilder b = new StringBuilder(given[r.nextInt(GIVEN_NAMES)]).append(' ');
            int syllables = 2 + r.nextInt(2);
            int start = b.length();
            for (int i = 0; i < syllables; i++) {
                b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
                if (i == syllables - 1 || r.nextInt(3) == 0) {
                    b.append(CODAS[r.nextInt(CODAS.length)]);
                }
            }
            b.setCharAt(start, Character.toUpperCase(b.charAt(start)));
            if (r.nextInt(10) < 3) {
                b.append(' ').append(KINDS[r.nextInt(KINDS.length)]);
            }
            return b.toString();
        }

        private int number() {
            int kind = rnd.nextInt(10);
            int n;
            if (kind < 2) {
                n = 2015 + rnd.nextInt(12); // a year
            } else if (kind < 6) {
                n = 10 + rnd.nextInt(990);
            } else {
                n = 1000 + rnd.nextInt(999_000);
            }
            return NUMBER_BASE + n;
        }

        private StoryArticle render(Core c) {
            // rendering draws from the article's own generator, so that skipping it leaves the stream as it is
            rr = new SplittableRandom(SEED * 0xD1B54A32D192ED03L + c.id);
            String title = renderTitle(c.title);
            String lead = renderLead(c.lead);
            String host = hosts[feedOf[c.feed]];
            LocalDate d = LocalDate.ofInstant(START.plusSeconds(c.time), ZoneOffset.UTC);
            StringBuilder url = new StringBuilder("https://").append(rr.nextInt(3) == 0 ? "" : "www.").append(host)
                    .append('/').append(SECTIONS[(int) (c.id % SECTIONS.length)]).append('/').append(d.getYear())
                    .append('/').append(d.getMonthValue()).append('/').append(d.getDayOfMonth()).append('/');
            int slugWords = 0;
            for (int tok : c.title) {
                if (tok >= 0 && tok < NUMBER_BASE && slugWords++ < 6) {
                    url.append(words[tok]).append('-');
                }
            }
            url.append(c.id);
            if (rr.nextInt(4) == 0) {
                url.append("?utm_source=rss&utm_medium=feed");
            }
            List<String> links = List.of();
            if (c.eventId != c.id && rr.nextInt(7) == 0) {
                links = List.of("https://www." + hosts[feedOf[(int) (c.eventId % FEEDS)]] + "/",
                        sourcePage(c.eventId)); // a front page (ignored) and a source page about the event
            }
            return new StoryArticle(c.id, title, lead, START.plusSeconds(c.time), url.toString(), links, "en",
                    c.feed + 1L);
        }

        /** A page on another site about the event (a statement, a filing): citing articles share it. */
        private String sourcePage(long eventId) {
            return "https://" + hosts[(int) (eventId % HOSTS)] + "/news/" + eventId;
        }

        private String renderTitle(int[] toks) {
            StringBuilder b = new StringBuilder();
            boolean prevCap = false;
            for (int i = 0; i < toks.length; i++) {
                int tok = toks[i];
                boolean isName = tok < 0;
                if (isName && prevCap) {
                    b.append(b.length() == 0 ? "" : " ").append("and");
                }
                String s = text(tok);
                if (i == 0 && !isName) {
                    s = capitalise(s);
                }
                b.append(b.length() == 0 ? "" : " ").append(s);
                prevCap = isName || i == 0;
            }
            return b.toString();
        }

        private String renderLead(int[] toks) {
            StringBuilder b = new StringBuilder();
            int untilStop = 0;
            boolean prevName = false;
            for (int i = 0; i < toks.length; i++) {
                if (untilStop == 0) {
                    if (b.length() > 0) {
                        b.append(". ");
                    }
                    b.append(OPENERS[rr.nextInt(OPENERS.length)]);
                    untilStop = 8 + rr.nextInt(13);
                    prevName = false;
                }
                int tok = toks[i];
                if (tok < 0 && prevName) {
                    b.append(" and");
                }
                b.append(' ').append(text(tok));
                if (rr.nextInt(12) == 0 && tok >= 0) {
                    b.append(',');
                }
                prevName = tok < 0;
                untilStop--;
            }
            return b.append('.').toString();
        }

        private String text(int tok) {
            if (tok >= NUMBER_BASE) {
                int n = tok - NUMBER_BASE;
                if (n >= 10_000 && rr.nextBoolean()) {
                    return (n / 1000) + "," + Integer.toString(1000 + n % 1000).substring(1); // 412,000
                }
                return Integer.toString(n);
            }
            if (tok < 0) {
                int k = -1 - tok;
                return k < POPULAR_NAMES ? popular[k] : eventNameText(k - POPULAR_NAMES);
            }
            return words[tok];
        }

        private void shuffle(int[] a) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int x = a[i];
                a[i] = a[j];
                a[j] = x;
            }
        }

        /** Shuffles all but the first token (a headline usually opens with its subject). */
        private void shuffleKeepingFirst(int[] a) {
            for (int i = a.length - 1; i > 1; i--) {
                int j = 1 + rnd.nextInt(i);
                int x = a[i];
                a[i] = a[j];
                a[j] = x;
            }
        }

        private static String capitalise(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v", "z", "br",
            "cr", "dr", "gr", "pl", "st", "tr", "ch", "sh", "th", "h", "j", "w", "fl", "kl", "sp"};
        static final String[] KINDS = {"Group", "Port", "Institute", "Council", "Bank", "Valley", "Airlines",
            "Hospital", "University", "Party", "Motors", "Energy", "Labs", "Bridge", "County", "Agency"};
        static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"};
        static final String[] CODAS = {"", "", "", "n", "r", "l", "m", "t", "k", "nd", "rt", "ng", "x"};

        /** A new pronounceable word of {@code syllables} syllables that does not end in s (no plural fold). */
        private String fresh(Set<String> seen, int syllables, boolean cap) {
            while (true) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < syllables; i++) {
                    b.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
                    if (i == syllables - 1 || rnd.nextInt(3) == 0) {
                        b.append(CODAS[rnd.nextInt(CODAS.length)]);
                    }
                }
                String w = b.toString();
                if (w.length() >= 3 && seen.add(w)) {
                    return cap ? capitalise(w) : w;
                }
            }
        }

        private String acronym(Set<String> seen) {
            while (true) {
                int n = 3 + rnd.nextInt(2);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    b.append((char) ('A' + rnd.nextInt(26)));
                }
                String w = b.toString();
                if (seen.add(w.toLowerCase(Locale.ROOT)) && !w.endsWith("S")) {
                    return w;
                }
            }
        }
    }

    /** An article in token form: what a re-telling copies from. */
    record Core(long id, long eventId, long time, int feed, int[] title, int[] lead) {
    }

    /**
     * Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: inverse CDF, with a table
     * of where each 1/65,536 of the probability starts so that the search stays within a few ranks.
     */
    static final class Zipf {
        private static final int BUCKETS = 1 << 16;
        private final double[] cdf;
        private final int[] bucketStart = new int[BUCKETS + 1];

        Zipf(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
            cdf[n - 1] = 1;
            int k = 0;
            for (int b = 0; b <= BUCKETS; b++) {
                double u = (double) b / BUCKETS;
                while (k < n - 1 && cdf[k] < u) {
                    k++;
                }
                bucketStart[b] = k;
            }
        }

        /** The first rank whose cumulative probability reaches a uniform draw. */
        int next(SplittableRandom rnd) {
            double u = rnd.nextDouble();
            int b = (int) (u * BUCKETS);
            int lo = bucketStart[b];
            int hi = bucketStart[b + 1];
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The baseline: an exact scan over a copy of every held article

    /**
     * A brute-force copy of the index's window: every article of the last two windows as sorted term
     * ids and weights (its own simple tokenizer: title words ×2, lead words, capitalised runs, numbers,
     * the link), document frequencies over the held articles. {@link #assign} scores the new article by
     * TF-IDF cosine against every held article, then every story as the index does (half best article,
     * half mean over its articles within the window; the same thresholds), and returns the story it
     * would join or the article's own id.
     */
    static final class NaiveWindow {
        private static final Set<String> STOP = new HashSet<>();

        static {
            for (String w : FUNCTION_WORDS) {
                STOP.add(w);
            }
            for (String w : OPENERS) {
                for (String p : w.toLowerCase(Locale.ROOT).split(" ")) {
                    STOP.add(p);
                }
            }
        }

        private final StorySettings settings;
        private final long windowSec;
        private final ArrayDeque<Doc> docs = new ArrayDeque<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
        private final Map<Long, StoryAcc> stories = new HashMap<>();
        private String[] keys = new String[1 << 16];
        private int[] df = new int[1 << 16];
        private double[] idfCache = new double[1 << 16];
        private int[] idfStamp = new int[1 << 16];
        private int stamp;
        private int nextId;
        private long latest = Long.MIN_VALUE;
        private int lastScored;

        NaiveWindow(StorySettings settings) {
            this.settings = settings;
            this.windowSec = settings.window().toSeconds();
        }

        int size() {
            return docs.size();
        }

        /** How many held articles the last {@link #assign} scored (those within the window). */
        int lastScored() {
            return lastScored;
        }

        void add(StoryArticle a, long storyId) {
            Map<String, Float> w = features(a);
            int n = w.size();
            long[] packed = new long[n]; // term id << 32 | weight bits, sorted by term id
            String[] keyOf = new String[n];
            int k = 0;
            for (Map.Entry<String, Float> e : w.entrySet()) {
                Integer id = ids.get(e.getKey());
                if (id == null) {
                    id = freeIds.isEmpty() ? nextId++ : freeIds.poll();
                    ensure(id);
                    ids.put(e.getKey(), id);
                    df[id] = 0;
                    keys[id] = e.getKey();
                }
                df[id]++;
                packed[k++] = ((long) id << 32) | (Float.floatToIntBits(e.getValue()) & 0xFFFFFFFFL);
            }
            Arrays.sort(packed);
            int[] termIds = new int[n];
            float[] tf = new float[n];
            stamp++; // idf as of now
            double norm = 0;
            for (int i = 0; i < n; i++) {
                termIds[i] = (int) (packed[i] >>> 32);
                tf[i] = Float.intBitsToFloat((int) packed[i]);
                double x = tf[i] * idf(termIds[i]);
                norm += x * x;
            }
            long t = a.published().getEpochSecond();
            latest = Math.max(latest, t);
            StoryAcc acc = stories.computeIfAbsent(storyId, StoryAcc::new);
            acc.members++;
            docs.addLast(new Doc(acc, a.feedId(), t, termIds, tf, Math.sqrt(norm)));
            long horizon = latest - 2 * windowSec;
            while (!docs.isEmpty() && docs.peekFirst().time < horizon) {
                Doc old = docs.pollFirst();
                for (int id : old.terms) {
                    if (--df[id] == 0) {
                        ids.remove(keys[id]);
                        keys[id] = null;
                        freeIds.add(id);
                    }
                }
                if (--old.story.members == 0) {
                    stories.remove(old.story.id);
                }
            }
        }

        /**
         * The story the article would join by an exact scan (the article itself is not added): the
         * cosine against every held article within the window (document norms as of when each was
         * added, as a precomputed TF-IDF matrix has them), then every story those articles belong to.
         */
        long assign(StoryArticle a) {
            stamp++;
            long t = a.published().getEpochSecond();
            Map<String, Float> w = features(a);
            long[] packed = new long[w.size()];
            int n = 0;
            double qNorm = 0;
            double unseenIdf = Math.log(1 + docs.size()) + 1;
            for (Map.Entry<String, Float> e : w.entrySet()) {
                Integer id = ids.get(e.getKey());
                if (id != null) {
                    packed[n++] = ((long) id << 32) | (Float.floatToIntBits(e.getValue()) & 0xFFFFFFFFL);
                } else {
                    double x = e.getValue() * unseenIdf; // a term no held article has counts in the norm only
                    qNorm += x * x;
                }
            }
            Arrays.sort(packed, 0, n);
            int[] q = new int[n];
            double[] qw = new double[n];
            for (int i = 0; i < n; i++) {
                q[i] = (int) (packed[i] >>> 32);
                qw[i] = Float.intBitsToFloat((int) packed[i]) * idf(q[i]);
                qNorm += qw[i] * qw[i];
            }
            qNorm = Math.sqrt(qNorm);
            List<StoryAcc> touched = new ArrayList<>();
            long feed = a.feedId();
            lastScored = 0;
            for (Doc d : docs) {
                if (Math.abs(d.time - t) > windowSec) {
                    continue;
                }
                lastScored++;
                double dot = 0;
                int i = 0;
                int[] terms = d.terms;
                for (int j = 0; j < terms.length && i < n; j++) {
                    int id = terms[j];
                    while (i < n && q[i] < id) {
                        i++;
                    }
                    if (i < n && q[i] == id) {
                        dot += qw[i] * d.tf[j] * idf(id);
                    }
                }
                double cos = dot == 0 || qNorm == 0 ? 0 : dot / (qNorm * d.norm);
                StoryAcc s = d.story;
                if (s.stamp != stamp) {
                    s.stamp = stamp;
                    s.max = 0;
                    s.sum = 0;
                    s.n = 0;
                    s.ownFeedOnly = feed != 0;
                    touched.add(s);
                }
                s.max = Math.max(s.max, cos);
                s.sum += cos;
                s.n++;
                s.ownFeedOnly &= d.feedId == feed;
            }
            long best = a.id();
            double bestScore = -1;
            for (StoryAcc s : touched) {
                double score = settings.singleLink() * s.max + (1 - settings.singleLink()) * s.sum / s.n;
                double needed = s.ownFeedOnly ? settings.sameFeedThreshold() : settings.threshold();
                if (score >= needed && score > bestScore) {
                    bestScore = score;
                    best = s.id;
                }
            }
            return best;
        }

        private double idf(int id) {
            if (idfStamp[id] != stamp) {
                idfStamp[id] = stamp;
                idfCache[id] = Math.log((1.0 + docs.size()) / (1.0 + df[id])) + 1;
            }
            return idfCache[id];
        }

        private void ensure(int id) {
            if (id >= df.length) {
                int len = Math.max(df.length * 2, id + 1);
                df = Arrays.copyOf(df, len);
                keys = Arrays.copyOf(keys, len);
                idfCache = Arrays.copyOf(idfCache, len);
                idfStamp = Arrays.copyOf(idfStamp, len);
            }
        }

        /** Title words ×2, lead words, capitalised runs ("e:"), numbers of 2+ digits ("#"), the own link ("l:"). */
        private static Map<String, Float> features(StoryArticle a) {
            Map<String, Float> w = new HashMap<>();
            scan(a.title(), 2f, w);
            scan(a.text(), 1f, w);
            String url = a.url().replaceFirst("^https?://(www\\.)?", "");
            int qm = url.indexOf('?');
            w.put("l:" + (qm < 0 ? url : url.substring(0, qm)).toLowerCase(Locale.ROOT), 1f);
            return w;
        }

        private static void scan(String s, float wordWeight, Map<String, Float> w) {
            int i = 0;
            int len = s.length();
            StringBuilder run = new StringBuilder();
            int runWords = 0;
            boolean runAtStart = false;
            boolean sentenceStart = true;
            while (i < len) {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    int j = i;
                    StringBuilder num = new StringBuilder();
                    while (j < len && (Character.isDigit(s.charAt(j))
                            || (s.charAt(j) == ',' && j + 1 < len && Character.isDigit(s.charAt(j + 1))))) {
                        if (s.charAt(j) != ',') {
                            num.append(s.charAt(j));
                        }
                        j++;
                    }
                    if (num.length() >= 2) {
                        w.merge("#" + num, 1f, Float::sum);
                    }
                    runWords = flush(run, runWords, runAtStart, w);
                    sentenceStart = false;
                    i = j;
                } else if (Character.isLetter(c)) {
                    int j = i;
                    while (j < len && Character.isLetterOrDigit(s.charAt(j))) {
                        j++;
                    }
                    String tok = s.substring(i, j);
                    String lower = tok.toLowerCase(Locale.ROOT);
                    boolean stop = STOP.contains(lower);
                    if (!stop && lower.length() > 1) {
                        w.merge(lower, wordWeight, Float::sum);
                    }
                    if (Character.isUpperCase(c) && !(runWords == 0 && stop)) {
                        if (runWords == 0) {
                            runAtStart = sentenceStart;
                        }
                        run.append(runWords == 0 ? "" : " ").append(lower);
                        runWords++;
                    } else {
                        runWords = flush(run, runWords, runAtStart, w);
                    }
                    sentenceStart = false;
                    i = j;
                } else {
                    if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?') {
                        runWords = flush(run, runWords, runAtStart, w);
                        sentenceStart = c != ',';
                    }
                    i++;
                }
            }
            flush(run, runWords, runAtStart, w);
        }

        private static int flush(StringBuilder run, int runWords, boolean atStart, Map<String, Float> w) {
            if (runWords > 0 && !(runWords == 1 && atStart)) {
                w.merge("e:" + run, 1f, Float::sum);
            }
            run.setLength(0);
            return 0;
        }

        private record Doc(StoryAcc story, long feedId, long time, int[] terms, float[] tf, double norm) {
        }

        /** A story of the copy: its held articles, and the scan's running figures for the current query. */
        private static final class StoryAcc {
            final long id;
            int members;
            int stamp;
            double max;
            double sum;
            int n;
            boolean ownFeedOnly;

            StoryAcc(long id) {
                this.id = id;
            }
        }
    }
}
