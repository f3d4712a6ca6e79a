package io.github.tldrbot.schedule;

import io.github.tldrbot.recap.RecapPeriod;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Turns the options of {@code /recap-schedule add} into a Quartz cron expression, always read in
 * UTC: a daily recap at that time; a weekly one on that weekday at that time; a monthly one on the
 * first day of each month at that time (the first is the one day every month has).
 */
public final class RecapCron {
    public static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private RecapCron() {
    }

    /** The cron for a period at {@code time} (UTC); {@code weekday} is used by weekly schedules only. */
    public static String build(RecapPeriod period, LocalTime time, DayOfWeek weekday) {
        String at = "0 " + time.getMinute() + " " + time.getHour() + " ";
        return switch (period) {
            case DAY -> at + "* * ?";
            case WEEK -> at + "? * " + weekdayName(weekday).toUpperCase(Locale.ROOT);
            case MONTH -> at + "1 * ?";
        };
    }

    /**
     * Parses {@code HH:MM} (24-hour, UTC; a one-digit hour is accepted).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write HH:MM in UTC, 24-hour clock (e.g. 09:00 or 17:30)");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** @throws IllegalArgumentException unless {@code text} is one of mon, tue, … sun */
    public static DayOfWeek parseWeekday(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < WEEKDAYS.length; i++) {
            if (WEEKDAYS[i].equals(lower)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a weekday: use mon, tue, wed, thu, fri, sat or sun");
    }

    /** {@code mon} … {@code sun}. */
    public static String weekdayName(DayOfWeek day) {
        return WEEKDAYS[day.getValue() - 1];
    }

    /** {@code HH:MM}. */
    public static String timeText(LocalTime time) {
        return "%02d:%02d".formatted(time.getHour(), time.getMinute());
    }

    /** The first fire time of {@code cron} (UTC) strictly after {@code after}; empty when it never fires again. */
    public static Optional<Instant> nextFire(String cron, Instant after) {
        Date next = expression(cron).getTimeAfter(Date.from(after));
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    /** The latest fire time in {@code (from, to]}, if any (Quartz cannot look backwards, so this walks forward). */
    static Optional<Instant> lastFireBetween(String cron, Instant from, Instant to) {
        CronExpression expression = expression(cron);
        Instant last = null;
        Date next = expression.getTimeAfter(Date.from(from));
        while (next != null && !next.toInstant().isAfter(to)) {
            last = next.toInstant();
            next = expression.getTimeAfter(next);
        }
        return Optional.ofNullable(last);
    }

    static CronExpression expression(String cron) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(UTC);
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + cron + "' is not a valid Quartz cron expression: " + e.getMessage(), e);
        }
    }
}
