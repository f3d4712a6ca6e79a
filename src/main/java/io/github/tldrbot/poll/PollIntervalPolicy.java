package io.github.tldrbot.poll;

import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next (SPEC §4.3).
 *
 * <ul>
 *   <li><b>Adaptive interval.</b> A feed is polled about as often as it publishes: the interval is
 *       the median gap between the newest {@value #SAMPLE} publish times in the document (a median,
 *       so one burst or one long pause does not swing it). A feed that has gone quiet for longer
 *       than that stretches to half the time since its newest article. Documents with fewer than
 *       two dated articles keep the current interval. Always within
 *       {@code [minInterval, maxInterval]}.</li>
 *   <li><b>Server hints.</b> The next poll is never earlier than {@code Cache-Control}/{@code Expires},
 *       RSS {@code <ttl>} or {@code Retry-After} ask, but a hint never pushes it beyond
 *       {@code maxInterval}: the operator's bound wins over a server that says "come back next year".</li>
 *   <li><b>Failures</b> back off exponentially: {@code interval × 2^failures}, capped at
 *       24 × {@code maxInterval} but at most {@link #FAILURE_CAP} (24 h) — never below
 *       {@code maxInterval} — minus up to 10% jitter so feeds that failed together (one host down) do
 *       not retry in lockstep. The cap is not {@code maxInterval} alone: at its 1 h default a site
 *       down for one night would use up {@code maxFailuresBeforeDisable} (10) in about nine hours and
 *       be disabled; with a 24 h cap ten failures take about four days. Tests and demos with
 *       intervals of seconds keep failures in seconds too.</li>
 * </ul>
 */
public final class PollIntervalPolicy {
    /** How many of the newest publish times the adaptive interval looks at. */
    static final int SAMPLE = 10;
    private static final double JITTER = 0.10;
    /** How far failures may back off: 24 × {@code maxInterval}, up to this (never below {@code maxInterval}). */
    static final Duration FAILURE_CAP = Duration.ofHours(24);

    private final PollingConfig config;
    private final RandomGenerator random;

    /** {@code random} drives the backoff jitter; tests pass a fixed generator. */
    public PollIntervalPolicy(PollingConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    public PollIntervalPolicy(PollingConfig config) {
        this(config, () -> ThreadLocalRandom.current().nextLong());
    }

    /** The interval a brand-new feed starts with. */
    public Duration initialInterval() {
        return clamp(config.defaultInterval());
    }

    /** The interval that fits how often the document's articles were published. */
    public Duration adaptiveInterval(List<Article> articles, Instant now, Duration current) {
        List<Instant> dates = new ArrayList<>();
        for (Article article : articles) {
            Instant when = article.published() != null ? article.published() : article.updated();
            if (when != null) {
                dates.add(when);
            }
        }
        return adaptiveIntervalOf(dates, now, current);
    }

    /**
     * {@link #adaptiveInterval} from the entries' dates (published, else updated; entries without
     * either left out), e.g. {@link io.github.tldrbot.feed.ParsedFeed#entryDates()}.
     */
    public Duration adaptiveIntervalOf(List<Instant> dates, Instant now, Duration current) {
        List<Instant> times = new ArrayList<>(dates.size());
        for (Instant when : dates) {
            times.add(when.isAfter(now) ? now : when);
        }
        if (times.size() < 2) {
            return clamp(current);
        }
        times.sort(Comparator.reverseOrder());
        List<Instant> newest = times.subList(0, Math.min(SAMPLE, times.size()));
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < newest.size(); i++) {
            gaps.add(Duration.between(newest.get(i), newest.get(i - 1)));
        }
        gaps.sort(Comparator.naturalOrder());
        Duration median = gaps.get(gaps.size() / 2);
        Duration quiet = Duration.between(newest.get(0), now).dividedBy(2);
        return clamp(max(median, quiet));
    }

    /**
     * The next poll after a success or a 304.
     *
     * @param freshUntil from Cache-Control/Expires, or null
     * @param ttlMinutes RSS {@code <ttl>}, or null
     */
    public Instant nextPoll(Instant now, Duration interval, Instant freshUntil, Integer ttlMinutes) {
        Instant next = now.plus(clamp(interval));
        if (freshUntil != null) {
            next = later(next, capped(now, freshUntil));
        }
        if (ttlMinutes != null && ttlMinutes > 0) {
            next = later(next, capped(now, now.plus(Duration.ofMinutes(ttlMinutes))));
        }
        return next;
    }

    /** The next try after the {@code failures}-th consecutive failure (1 for the first). */
    public Instant afterFailure(Instant now, Duration interval, int failures) {
        Duration base = clamp(interval);
        int exponent = Math.max(0, Math.min(failures, 30));
        long millis = base.toMillis();
        long maxInterval = config.maxInterval().toMillis();
        long maxMillis = Math.max(maxInterval, Math.min(FAILURE_CAP.toMillis(), maxInterval * 24));
        long delay = millis > (maxMillis >> exponent) ? maxMillis : Math.min(maxMillis, millis << exponent);
        long jitter = (long) (delay * JITTER * random.nextDouble());
        Duration wait = Duration.ofMillis(delay - jitter);
        return now.plus(wait.compareTo(config.minInterval()) < 0 ? config.minInterval() : wait);
    }

    /**
     * The next try after a 429/503: not before {@code retryAt} (capped at {@code maxInterval}) and
     * not sooner than the feed's normal interval; without Retry-After, twice the interval.
     */
    public Instant afterThrottle(Instant now, Duration interval, Instant retryAt) {
        if (retryAt == null) {
            return now.plus(clamp(clamp(interval).multipliedBy(2)));
        }
        return later(now.plus(clamp(interval)), capped(now, retryAt));
    }

    private Instant capped(Instant now, Instant hint) {
        Instant limit = now.plus(config.maxInterval());
        return hint.isAfter(limit) ? limit : hint;
    }

    private Duration clamp(Duration interval) {
        if (interval == null || interval.compareTo(config.minInterval()) < 0) {
            return config.minInterval();
        }
        return interval.compareTo(config.maxInterval()) > 0 ? config.maxInterval() : interval;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
