package io.github.tldrbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.recap.RecapPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Period × time × weekday → the next fire times in UTC, from a fixed "now". */
class RecapCronTest {

    @ParameterizedTest(name = "{0} {1} {2} after {3}")
    @CsvSource({
            // period, time, weekday, after,                next three fire times (UTC)
            "DAY,   09:00, ,    2026-11-29T04:30:00Z, 2026-11-29T09:00:00Z 2026-11-30T09:00:00Z 2026-12-01T09:00:00Z",
            "DAY,   00:00, ,    2026-11-29T04:30:00Z, 2026-11-30T00:00:00Z 2026-12-01T00:00:00Z 2026-12-02T00:00:00Z",
            "DAY,   23:59, ,    2026-12-31T23:59:00Z, 2027-01-01T23:59:00Z 2027-01-02T23:59:00Z 2027-01-03T23:59:00Z",
            "DAY,   9:05,  ,    2026-11-29T09:05:00Z, 2026-11-30T09:05:00Z 2026-12-01T09:05:00Z 2026-12-02T09:05:00Z",
            // 2026-11-29 is a Sunday
            "WEEK,  09:00, mon, 2026-11-29T04:30:00Z, 2026-11-30T09:00:00Z 2026-12-07T09:00:00Z 2026-12-14T09:00:00Z",
            "WEEK,  17:30, sun, 2026-11-29T04:30:00Z, 2026-11-29T17:30:00Z 2026-12-06T17:30:00Z 2026-12-13T17:30:00Z",
            "WEEK,  17:30, sun, 2026-11-29T17:30:00Z, 2026-12-06T17:30:00Z 2026-12-13T17:30:00Z 2026-12-20T17:30:00Z",
            "WEEK,  06:15, wed, 2026-11-29T04:30:00Z, 2026-12-02T06:15:00Z 2026-12-09T06:15:00Z 2026-12-16T06:15:00Z",
            "WEEK,  00:00, sat, 2026-12-28T12:00:00Z, 2027-01-02T00:00:00Z 2027-01-09T00:00:00Z 2027-01-16T00:00:00Z",
            // month: the 1st at that time, across a year end and a February
            "MONTH, 09:00, ,    2026-11-29T04:30:00Z, 2026-12-01T09:00:00Z 2027-01-01T09:00:00Z 2027-02-01T09:00:00Z",
            "MONTH, 08:00, ,    2026-12-01T08:00:00Z, 2027-01-01T08:00:00Z 2027-02-01T08:00:00Z 2027-03-01T08:00:00Z",
            "MONTH, 23:45, ,    2027-01-31T23:50:00Z, 2027-02-01T23:45:00Z 2027-03-01T23:45:00Z 2027-04-01T23:45:00Z",
    })
    void nextFireTimesAreInUtc(String period, String time, String weekday, String after, String expected) {
        String cron = RecapCron.build(RecapPeriod.valueOf(period), RecapCron.parseTime(time),
                weekday == null ? DayOfWeek.MONDAY : RecapCron.parseWeekday(weekday));
        List<Instant> fires = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < 3; i++) {
            at = RecapCron.nextFire(cron, at).orElseThrow();
            fires.add(at);
        }
        assertThat(fires).containsExactlyElementsOf(List.of(expected.split(" ")).stream().map(Instant::parse).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "9am", "09:60", "0900", "", "12:3", "-1:00", "09:00:00"})
    void badTimesAreRefusedWithTheExpectedFormat(String time) {
        assertThatThrownBy(() -> RecapCron.parseTime(time)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HH:MM");
    }

    @ParameterizedTest
    @CsvSource({"mon,MONDAY", "Tue,TUESDAY", "sun,SUNDAY"})
    void weekdays(String text, DayOfWeek day) {
        assertThat(RecapCron.parseWeekday(text)).isEqualTo(day);
        assertThat(RecapCron.weekdayName(day)).isEqualTo(text.toLowerCase());
    }

    @ParameterizedTest
    @CsvSource({
            // cron, from, to, expected latest fire in (from, to] or "none"
            "0 0 9 * * ?,  2026-11-29T08:30:00Z, 2026-11-29T09:20:00Z, 2026-11-29T09:00:00Z",
            "0 0 9 * * ?,  2026-11-29T09:00:00Z, 2026-11-29T09:20:00Z, none",
            "*/2 * * * * ?, 2026-11-29T09:00:00Z, 2026-11-29T09:00:07Z, 2026-11-29T09:00:06Z",
    })
    void latestFireInAWindow(String cron, String from, String to, String expected) {
        assertThat(RecapCron.lastFireBetween(cron.strip(), Instant.parse(from), Instant.parse(to)))
                .isEqualTo(expected.equals("none") ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(expected)));
    }
}
