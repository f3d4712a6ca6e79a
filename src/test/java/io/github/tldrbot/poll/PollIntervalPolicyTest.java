package io.github.tldrbot.poll;

import io.github.tldrbot.config.PollingConfig;
import io.github.tldrbot.feed.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PollIntervalPolicyTest {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final PollingConfig CONFIG = new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofDays(3), 5, 10);
    static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();
    static final RandomGenerator NO_JITTER = () -> 0L;
    static final RandomGenerator FULL_JITTER = () -> -1L;

    private final PollIntervalPolicy policy = new PollIntervalPolicy(CONFIG, NO_JITTER);

    /** Articles published {@code newestAgo} before NOW and then every {@code gap} further back. */
    static List<Article> every(Duration gap, int count, Duration newestAgo) {
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(dated(NOW.minus(newestAgo).minus(gap.multipliedBy(i)), null));
        }
        return list;
    }

    static Article dated(Instant published, Instant updated) {
        return new Article("id-" + IDS.incrementAndGet(), null, "t", null, published, updated, null, List.of(), null, null, null);
    }

    static Stream<Arguments> adaptive() {
        List<Article> burstThenPause = new ArrayList<>(every(Duration.ofMinutes(30), 6, Duration.ofMinutes(5)));
        burstThenPause.add(dated(NOW.minus(Duration.ofDays(2)), null));
        return Stream.of(
                arguments("hourly feed", every(Duration.ofHours(1), 10, Duration.ofMinutes(10)), Duration.ofMinutes(15), Duration.ofHours(1)),
                arguments("very busy feed clamps to minInterval", every(Duration.ofSeconds(30), 10, Duration.ZERO), Duration.ofMinutes(15), Duration.ofMinutes(2)),
                arguments("weekly feed clamps to maxInterval", every(Duration.ofDays(7), 5, Duration.ofHours(1)), Duration.ofMinutes(15), Duration.ofHours(24)),
                arguments("one long pause does not swing the median", burstThenPause, Duration.ofMinutes(15), Duration.ofMinutes(30)),
                arguments("quiet feed stretches to half its silence", every(Duration.ofHours(1), 10, Duration.ofHours(10)), Duration.ofMinutes(15), Duration.ofHours(5)),
                arguments("only the newest 10 count", concat(every(Duration.ofHours(1), 10, Duration.ZERO), every(Duration.ofDays(1), 30, Duration.ofDays(20))), Duration.ofMinutes(15), Duration.ofHours(1)),
                arguments("updated stands in for published", List.of(dated(null, NOW.minus(Duration.ofHours(3))), dated(null, NOW.minus(Duration.ofHours(6))), dated(null, NOW)), Duration.ofMinutes(15), Duration.ofHours(3)),
                arguments("future dates count as now", List.of(dated(NOW.plus(Duration.ofDays(1)), null), dated(NOW.plus(Duration.ofDays(2)), null)), Duration.ofMinutes(15), Duration.ofMinutes(2)),
                arguments("one dated article keeps the current interval", List.of(dated(NOW.minus(Duration.ofDays(1)), null)), Duration.ofMinutes(40), Duration.ofMinutes(40)),
                arguments("undated articles keep the current interval", List.of(dated(null, null), dated(null, null)), Duration.ofMinutes(40), Duration.ofMinutes(40)),
                arguments("a kept interval is still clamped", List.of(), Duration.ofDays(3), Duration.ofHours(24)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adaptive")
    void adaptiveInterval(String name, List<Article> articles, Duration current, Duration expected) {
        assertThat(policy.adaptiveInterval(articles, NOW, current)).isEqualTo(expected);
    }

    static Stream<Arguments> nextPoll() {
        return Stream.of(
                arguments("no hints: now + interval", Duration.ofHours(1), null, null, NOW.plus(Duration.ofHours(1))),
                arguments("Cache-Control later than interval wins", Duration.ofMinutes(15), NOW.plus(Duration.ofHours(2)), null, NOW.plus(Duration.ofHours(2))),
                arguments("Cache-Control earlier than interval is ignored", Duration.ofHours(1), NOW.plusSeconds(60), null, NOW.plus(Duration.ofHours(1))),
                arguments("RSS ttl later than interval wins", Duration.ofMinutes(15), null, 60, NOW.plus(Duration.ofMinutes(60))),
                arguments("the later of two hints wins", Duration.ofMinutes(15), NOW.plus(Duration.ofHours(3)), 60, NOW.plus(Duration.ofHours(3))),
                arguments("a far-future hint is capped at maxInterval", Duration.ofMinutes(15), NOW.plus(Duration.ofDays(365)), null, NOW.plus(Duration.ofHours(24))),
                arguments("a huge ttl is capped at maxInterval", Duration.ofMinutes(15), null, 100_000, NOW.plus(Duration.ofHours(24))),
                arguments("an interval below minInterval is raised", Duration.ofSeconds(5), null, null, NOW.plus(Duration.ofMinutes(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextPoll")
    void nextPollHonoursServerHintsWithinBounds(String name, Duration interval, Instant freshUntil, Integer ttl, Instant expected) {
        assertThat(policy.nextPoll(NOW, interval, freshUntil, ttl)).isEqualTo(expected);
    }

    static Stream<Arguments> backoff() {
        return Stream.of(
                arguments(Duration.ofMinutes(15), 1, Duration.ofMinutes(30)),
                arguments(Duration.ofMinutes(15), 2, Duration.ofHours(1)),
                arguments(Duration.ofMinutes(15), 3, Duration.ofHours(2)),
                arguments(Duration.ofMinutes(15), 7, Duration.ofHours(24)),
                arguments(Duration.ofMinutes(15), 1_000, Duration.ofHours(24)),
                arguments(Duration.ofSeconds(1), 1, Duration.ofMinutes(4)));
    }

    @ParameterizedTest(name = "interval {0}, failure #{1} -> {2}")
    @MethodSource("backoff")
    void failuresBackOffExponentiallyUpToMaxInterval(Duration interval, int failures, Duration expected) {
        assertThat(policy.afterFailure(NOW, interval, failures)).isEqualTo(NOW.plus(expected));
    }

    @org.junit.jupiter.api.Test
    void failuresBackOffTo24TimesMaxIntervalAtMostADay() {
        PollingConfig hourly = new PollingConfig(CONFIG.dispatchEvery(), Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofHours(1), CONFIG.maxArticleAge(), CONFIG.maxPostsPerPoll(), CONFIG.maxFailuresBeforeDisable());
        PollIntervalPolicy shipped = new PollIntervalPolicy(hourly, NO_JITTER);
        assertThat(shipped.afterFailure(NOW, Duration.ofMinutes(15), 3)).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(shipped.afterFailure(NOW, Duration.ofMinutes(15), 7)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(shipped.afterFailure(NOW, Duration.ofMinutes(15), 40)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        // a feed that keeps failing is disabled after days, not after one night
        Duration untilDisabled = Duration.ZERO;
        for (int failure = 1; failure < hourly.maxFailuresBeforeDisable(); failure++) {
            untilDisabled = untilDisabled.plus(Duration.between(NOW, shipped.afterFailure(NOW, Duration.ofMinutes(15), failure)));
        }
        assertThat(untilDisabled).isGreaterThan(Duration.ofDays(3));
        // intervals of seconds (tests, demos) back off in seconds: 24 × maxInterval
        PollingConfig fast = new PollingConfig(CONFIG.dispatchEvery(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), CONFIG.maxArticleAge(), CONFIG.maxPostsPerPoll(), CONFIG.maxFailuresBeforeDisable());
        assertThat(new PollIntervalPolicy(fast, NO_JITTER).afterFailure(NOW, Duration.ofSeconds(1), 30))
                .isEqualTo(NOW.plus(Duration.ofSeconds(48)));
    }

    @ParameterizedTest(name = "failure #{0}")
    @MethodSource("jitterCases")
    void jitterTakesAtMostATenthOff(int failures, Duration undisturbed) {
        Instant jittered = new PollIntervalPolicy(CONFIG, FULL_JITTER).afterFailure(NOW, Duration.ofMinutes(15), failures);
        Duration delay = Duration.between(NOW, jittered);
        assertThat(delay).isLessThan(undisturbed).isGreaterThanOrEqualTo(undisturbed.multipliedBy(9).dividedBy(10));
    }

    static Stream<Arguments> jitterCases() {
        return Stream.of(arguments(1, Duration.ofMinutes(30)), arguments(20, Duration.ofHours(24)));
    }

    static Stream<Arguments> throttle() {
        return Stream.of(
                arguments("Retry-After sooner than the interval: the interval", NOW.plusSeconds(30), NOW.plus(Duration.ofMinutes(15))),
                arguments("Retry-After later than the interval: Retry-After", NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(2))),
                arguments("Retry-After beyond maxInterval: capped", NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofHours(24))),
                arguments("no Retry-After: twice the interval", null, NOW.plus(Duration.ofMinutes(30))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttle")
    void throttledPollsWaitAsAsked(String name, Instant retryAt, Instant expected) {
        assertThat(policy.afterThrottle(NOW, Duration.ofMinutes(15), retryAt)).isEqualTo(expected);
    }

    private static List<Article> concat(List<Article> a, List<Article> b) {
        List<Article> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
