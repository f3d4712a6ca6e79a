package io.github.tldrbot.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parser for the date strings real feeds carry, used when Rome leaves a date null:
 * W3CDTF / ISO 8601 (including truncated and space-separated forms) and RFC 822 with the usual
 * deviations (no weekday, full month names, two-digit years, missing seconds or zone, North
 * American and central-European zone names, {@code GMT+hh:mm}), plus asctime-like orders.
 * A date without a zone is taken as UTC. Strings with any unrecognised token are refused rather
 * than guessed. Stateless and thread-safe.
 */
public final class FeedDateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(\\d{2,3})(?:-(\\d{2}))?)?"
                    + "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern ISO_BASIC = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:[Tt](\\d{2})(\\d{2})(\\d{2})?(?:[.,]\\d+)?)?(Z|z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern ISO_SHORT_YEAR = Pattern.compile("(\\d{2})-?(\\d{2})-?(\\d{2})");
    private static final Pattern ISO_YEAR_MONTH = Pattern.compile("-(\\d{2})-?(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{1,2}):?(\\d{2})?");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

    private static final String[] MONTHS = {
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("gmt", 0), Map.entry("utc", 0), Map.entry("ut", 0), Map.entry("z", 0),
            Map.entry("etc/gmt", 0), Map.entry("etc/utc", 0), Map.entry("wet", 0), Map.entry("bst", 60),
            Map.entry("edt", -240), Map.entry("est", -300), Map.entry("cdt", -300), Map.entry("cst", -360),
            Map.entry("mdt", -360), Map.entry("mst", -420), Map.entry("pdt", -420), Map.entry("pst", -480),
            Map.entry("at", -240), Map.entry("ast", -240), Map.entry("adt", -180), Map.entry("et", -300),
            Map.entry("ct", -360), Map.entry("mt", -420), Map.entry("pt", -480), Map.entry("akst", -540),
            Map.entry("akdt", -480), Map.entry("hst", -600), Map.entry("cet", 60), Map.entry("met", 60),
            Map.entry("cest", 120), Map.entry("mest", 120), Map.entry("mesz", 120), Map.entry("mez", 60),
            Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("ist", 330), Map.entry("jst", 540),
            Map.entry("kst", 540), Map.entry("aest", 600), Map.entry("aedt", 660));

    /** The instant the text denotes, or empty when it is blank or not a date this parser knows. */
    public Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 100) {
            return Optional.empty();
        }
        try {
            Instant iso = parseIso(s);
            return iso != null ? Optional.of(iso) : Optional.ofNullable(parseTokens(s));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            return at(LocalDate.of(year, month, day), m.group(4), m.group(5), m.group(6), m.group(7));
        }
        m = ISO_BASIC.matcher(s);
        if (m.matches()) {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return at(date, m.group(4), m.group(5), m.group(6), m.group(7));
        }
        m = ISO_SHORT_YEAR.matcher(s);
        if (m.matches()) {
            return LocalDate.of(fullYear(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        m = ISO_YEAR_MONTH.matcher(s);
        if (m.matches()) {
            return LocalDate.of(fullYear(m.group(1)), Integer.parseInt(m.group(2)), 1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static Instant at(LocalDate date, String hour, String minute, String second, String zone) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (hour != null) {
            time = LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
                    seconds(second));
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (zone != null && !zone.equalsIgnoreCase("z")) {
            Integer minutes = numericZone(zone);
            if (minutes == null) {
                return null;
            }
            offset = ZoneOffset.ofTotalSeconds(minutes * 60);
        }
        return LocalDateTime.of(date, time).toInstant(offset);
    }

    /** RFC 822 / asctime and relatives: classify each token, refuse the string on any unknown one. */
    private static Instant parseTokens(String s) {
        String[] tokens = s.replace(',', ' ').trim().split("\\s+");
        Integer day = null;
        Integer month = null;
        Integer year = null;
        String twoDigitYear = null;
        Matcher time = null;
        Integer zoneMinutes = null;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            Matcher t = TIME.matcher(token);
            Matcher slash = SLASH_DATE.matcher(token);
            if (t.matches() && time == null) {
                time = t;
            } else if (slash.matches() && year == null) {
                year = Integer.parseInt(slash.group(1));
                month = Integer.parseInt(slash.group(2));
                day = Integer.parseInt(slash.group(3));
            } else if (token.chars().allMatch(Character::isDigit)) {
                if (token.length() == 4 && year == null) {
                    year = Integer.parseInt(token);
                } else if (token.length() <= 2 && day == null) {
                    day = Integer.parseInt(token);
                } else if (token.length() == 2 && twoDigitYear == null) {
                    twoDigitYear = token;
                } else {
                    return null;
                }
            } else if (month == null && monthOf(lower) > 0) {
                month = monthOf(lower);
            } else if (isWeekday(lower)) {
                continue;
            } else if (zoneMinutes == null && zoneOf(token) != null) {
                zoneMinutes = zoneOf(token);
            } else {
                return null;
            }
        }
        if (year == null && twoDigitYear != null) {
            year = fullYear(twoDigitYear);
        }
        if (day == null || month == null || year == null) {
            return null;
        }
        LocalTime lt = LocalTime.MIDNIGHT;
        if (time != null) {
            lt = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)),
                    seconds(time.group(3)));
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((zoneMinutes == null ? 0 : zoneMinutes) * 60);
        return LocalDateTime.of(LocalDate.of(year, month, day), lt).toInstant(offset);
    }

    /** Seconds of a time, with a leap second 60 read as 59 and anything larger refused. */
    private static int seconds(String text) {
        if (text == null) {
            return 0;
        }
        int s = Integer.parseInt(text);
        if (s > 60) {
            throw new DateTimeException("second out of range: " + s);
        }
        return Math.min(59, s);
    }

    private static int fullYear(String twoDigits) {
        int y = Integer.parseInt(twoDigits);
        return y < 50 ? 2000 + y : 1900 + y;
    }

    private static int monthOf(String lower) {
        String word = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (word.length() < 3) {
            return 0;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(word)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isWeekday(String lower) {
        String word = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (word.length() < 3) {
            return false;
        }
        for (String day : WEEKDAYS) {
            if (day.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static Integer zoneOf(String token) {
        Integer named = ZONES.get(token.toLowerCase(Locale.ROOT));
        return named != null ? named : numericZone(token);
    }

    /** Minutes east of UTC for {@code ±h}, {@code ±hhmm}, {@code ±hh:mm}, optionally after GMT/UTC. */
    private static Integer numericZone(String token) {
        Matcher m = NUMERIC_ZONE.matcher(token.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hours > 14 || minutes > 59) {
            return null;
        }
        int total = hours * 60 + minutes;
        return m.group(1).equals("-") ? -total : total;
    }
}
