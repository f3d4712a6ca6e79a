package io.github.tldrbot.feed;

import com.rometools.rome.io.impl.DateParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FeedDateParserTest {

    static final Path DATES = Path.of("../shared/corpus/oracle/dates/dates.tsv");

    private final FeedDateParser dates = new FeedDateParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sat, 28 Nov 2026 10:00:00 GMT      | 2026-11-28T10:00:00Z",
        "28 Nov 2026 10:00 +0100            | 2026-11-28T09:00:00Z",
        "Sat, 28 November 26 10:00:00 PST   | 2026-11-28T18:00:00Z",
        "Fri,24 Nov 2023 18:28:36 -0000     | 2023-11-24T18:28:36Z",
        "Wed, 19 Feb 2012 22:40:00 GMT-01:01| 2012-02-19T23:41:00Z",
        "Thu, 30 Apr 2015 08:57:00 MEST     | 2015-04-30T06:57:00Z",
        "2026-11-28T10:00:00Z               | 2026-11-28T10:00:00Z",
        "2026-11-28T10:00:00.123+05:30      | 2026-11-28T04:30:00Z",
        "2026-11-28 10:00:00 -0200          | 2026-11-28T12:00:00Z",
        "2026-11-28                         | 2026-11-28T00:00:00Z",
        "20261128T100000Z                   | 2026-11-28T10:00:00Z",
        "Sun Jan  4 16:29:06 2004           | 2004-01-04T16:29:06Z",
        "Fri, 2006/09/15 08:19:53 EDT       | 2006-09-15T12:19:53Z",
    })
    void commonFormsParse(String input, String expected) {
        assertThat(dates.parse(input)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''", "yesterday", "Sun, 99 Jun 2009 12:00:00 GMT", "2003-12-31T25:14:55Z", "Sun, 16 zzz 2012 11:47:32 GMT",
        "2013-01-28T11:30:00-06:00Textra", "Sun, 16 Dec 2012 1:2:3:4 GMT", "12345678901234567890"
    })
    void nonsenseIsRefused(String input) {
        assertThat(dates.parse(input)).isEmpty();
    }

    /** One row of dates.tsv: expected null means "unparseable". */
    record Row(String family, String input, Instant expected) {
    }

    static List<Row> rows() throws Exception {
        return Files.readAllLines(DATES).stream().skip(1).map(l -> l.split("\t", -1))
                .map(c -> new Row(c[1], c[2], c[3].startsWith("(") ? null : Instant.parse(c[3]))).toList();
    }

    /**
     * Oracle: feedparser's date tests. Misses of the fallback parser (by design): non-English
     * month/weekday names (Greek, Hungarian, Korean) and the ISO ordinal form {@code 03335}. Rome's
     * DateParser alone scores far lower: its lenient SimpleDateFormat rolls invalid fields over
     * (hour 25 becomes the next day) and it does not read several common RFC 822 deviations,
     * which is why FeedParser reads the raw date text with FeedDateParser and uses Rome's date
     * only when it finds no text.
     */
    @Test
    void matchesTheFeedparserDateOracle() throws Exception {
        boolean present = Files.isRegularFile(DATES);
        if (!present) {
            System.out.println("SKIPPED FeedDateParserTest oracle: " + DATES.toAbsolutePath() + " is absent");
        }
        assumeTrue(present, "corpus absent");
        List<Row> rows = rows();
        double fallback = rate("fallback (FeedDateParser)", rows, s -> dates.parse(s));
        double rome = rate("Rome DateParser", rows, FeedDateParserTest::rome);
        assertThat(fallback).isGreaterThanOrEqualTo(0.92);
        assertThat(fallback).as("FeedDateParser beats Rome's DateParser, which is why FeedParser prefers it")
                .isGreaterThan(rome);
    }

    private static Optional<Instant> rome(String s) {
        Date d = DateParser.parseDate(s, Locale.US);
        return Optional.ofNullable(d).map(Date::toInstant);
    }

    private static double rate(String label, List<Row> rows, Function<String, Optional<Instant>> parser) {
        int matched = 0;
        for (Row row : rows) {
            Instant got = parser.apply(row.input()).orElse(null);
            boolean ok = row.expected() == null ? got == null : row.expected().equals(got);
            if (ok) {
                matched++;
            } else {
                System.out.printf("  [%s] miss %-10s %-40s expected=%s got=%s%n", label, row.family(), row.input(), row.expected(), got);
            }
        }
        double r = (double) matched / rows.size();
        System.out.printf("dates oracle: %-34s %d/%d = %.1f%%%n", label, matched, rows.size(), 100 * r);
        return r;
    }
}
