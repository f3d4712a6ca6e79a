package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CacheHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final CacheHeaders cache = new CacheHeaders(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sun, 06 Nov 1994 08:49:37 GMT|1994-11-06T08:49:37Z",
            "Sunday, 06-Nov-94 08:49:37 GMT|1994-11-06T08:49:37Z",
            "Sun Nov  6 08:49:37 1994|1994-11-06T08:49:37Z",
            "Thu, 01 Dec 2026 23:59:59 GMT|2026-12-01T23:59:59Z",   // wrong weekday: still read
            "Tuesday, 01-Dec-26 00:00:00 GMT|2026-12-01T00:00:00Z",
            "Sat, 6 Dec 2026 07:05:00 GMT|2026-12-06T07:05:00Z"})
    void parsesTheThreeHttpDateForms(String text, String expected) {
        assertThat(CacheHeaders.parseHttpDate(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "", "yesterday", "Sun, 32 Nov 2026 08:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(CacheHeaders.parseHttpDate(text)).isEqualTo(Optional.empty());
    }

    @Test
    void invalidOrPastExpiresMeansNoFreshness() {
        assertThat(cache.freshUntil(headers(Map.of("Expires", List.of("0"))))).isNull();
        assertThat(cache.freshUntil(headers(Map.of("Expires", List.of("Fri, 27 Nov 2026 10:00:00 GMT"))))).isNull();
    }

    @Test
    void maxAgeWinsOverExpiresAndSplitHeadersAreRead() {
        HttpHeaders headers = headers(Map.of(
                "Cache-Control", List.of("public", "max-age=\"60\""),
                "Expires", List.of("Sat, 28 Nov 2026 12:00:00 GMT")));

        assertThat(cache.freshUntil(headers)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void absurdMaxAgeIsCappedNotOverflowed() {
        HttpHeaders headers = headers(Map.of("Cache-Control", List.of("max-age=99999999999999999999")));

        assertThat(cache.freshUntil(headers)).isEqualTo(NOW.plus(CacheHeaders.MAX_DELAY));
    }

    @Test
    void maxAgeZeroOrUsedUpByAgeMeansNoFreshness() {
        assertThat(cache.freshUntil(headers(Map.of("Cache-Control", List.of("max-age=0"))))).isNull();
        assertThat(cache.freshUntil(headers(Map.of("Cache-Control", List.of("max-age=60")), "Age", "120"))).isNull();
    }

    private static HttpHeaders headers(Map<String, List<String>> values, String name, String value) {
        Map<String, List<String>> all = new java.util.HashMap<>(values);
        all.put(name, List.of(value));
        return headers(all);
    }

    @Test
    void retryAfterDateIsReadAgainstTheServersClockAndNeverInThePast() {
        HttpHeaders skewed = headers(Map.of("Retry-After", List.of("Sat, 28 Nov 2026 08:10:00 GMT"),
                "Date", List.of("Sat, 28 Nov 2026 08:00:00 GMT")));
        HttpHeaders past = headers(Map.of("Retry-After", List.of("Fri, 27 Nov 2026 08:00:00 GMT")));

        assertThat(cache.retryAt(skewed)).isEqualTo(NOW.plusSeconds(600));
        assertThat(cache.retryAt(past)).isEqualTo(NOW);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertThat(cache.retryAt(headers(Map.of("Retry-After", List.of("soon"))))).isNull();
        assertThat(cache.retryAt(headers(Map.of()))).isNull();
    }
}
