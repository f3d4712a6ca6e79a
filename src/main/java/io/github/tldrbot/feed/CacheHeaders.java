package io.github.tldrbot.feed;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a response says about when to come back: {@code Cache-Control}/{@code Expires} for
 * {@code freshUntil}, {@code Retry-After} for throttling. Times the server states as dates are
 * turned into "now + (date - server's Date header)" when a Date header is present, so a server whose
 * clock is off does not make us poll too early or never. Delays are capped at one year so a silly
 * header cannot overflow or park a feed forever (the poller clamps to its own maximum anyway).
 */
final class CacheHeaders {

    static final Duration MAX_DELAY = Duration.ofDays(365);

    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT";
    // the weekday is ignored because servers get it wrong and it adds nothing.
    private static final Pattern RFC_DATE = Pattern.compile(
            "(?:[A-Za-z]+,\\s*)?(\\d{1,2})[ -]([A-Za-z]{3})[ -](\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s+(?:GMT|UTC|Z|[+-]0000))?");
    // asctime "Sun Nov  6 08:49:37 1994"
    private static final Pattern ASCTIME = Pattern.compile(
            "[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+(\\d{4})");
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final Clock clock;

    CacheHeaders(Clock clock) {
        this.clock = clock;
    }

    /**
     * Earliest time the server wants us back: {@code max-age} (minus {@code Age}) wins over
     * {@code Expires}; {@code s-maxage} is for shared caches and ignored; {@code no-cache} or
     * {@code no-store} mean the server asks for nothing. Null when there is no such constraint or it
     * is already over.
     */
    Instant freshUntil(HttpHeaders headers) {
        Instant now = clock.instant();
        OptionalLong maxAge = OptionalLong.empty();
        for (String value : headers.allValues("Cache-Control")) {
            for (String directive : value.split(",")) {
                String[] parts = directive.trim().split("=", 2);
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                if (name.equals("no-cache") || name.equals("no-store")) {
                    return null;
                }
                if (name.equals("max-age") && parts.length == 2 && maxAge.isEmpty()) {
                    maxAge = seconds(parts[1]);
                }
            }
        }
        if (maxAge.isPresent()) {
            long age = headers.firstValue("Age").map(CacheHeaders::seconds).orElse(OptionalLong.empty()).orElse(0);
            return future(now, Duration.ofSeconds(maxAge.getAsLong()).minusSeconds(age));
        }
        return headers.firstValue("Expires")
                .flatMap(CacheHeaders::parseHttpDate)
                .map(expires -> future(now, untilServerTime(expires, headers, now)))
                .orElse(null);
    }

    /** From {@code Retry-After} as delta-seconds or HTTP-date; null when absent or unreadable. */
    Instant retryAt(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        OptionalLong delta = seconds(value.get());
        if (delta.isPresent()) {
            return now.plus(min(Duration.ofSeconds(delta.getAsLong())));
        }
        return parseHttpDate(value.get())
                .map(date -> now.plus(min(max0(untilServerTime(date, headers, now)))))
                .orElse(null);
    }

    /**
     * Parses the three date forms HTTP allows (RFC 9110 §5.6.7), always GMT.
     * Two-digit years of the RFC 850 form below 70 are read as 20xx.
     */
    static Optional<Instant> parseHttpDate(String text) {
        String value = text.trim();
        try {
            Matcher m = RFC_DATE.matcher(value);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += year < 70 ? 2000 : 1900;
                }
                return instant(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = ASCTIME.matcher(value);
            if (m.matches()) {
                return instant(Integer.parseInt(m.group(6)), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(int year, String month, String day, String hour, String minute,
            String second) {
        int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        if (monthIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day), Integer.parseInt(hour),
                Integer.parseInt(minute), Integer.parseInt(second)).toInstant(ZoneOffset.UTC));
    }

    /** How far {@code serverTime} lies ahead, measured against the server's own Date header if it sent one. */
    private static Duration untilServerTime(Instant serverTime, HttpHeaders headers, Instant now) {
        Instant serverNow = headers.firstValue("Date").flatMap(CacheHeaders::parseHttpDate).orElse(now);
        return Duration.between(serverNow, serverTime);
    }

    private static Instant future(Instant now, Duration delay) {
        return delay.isNegative() || delay.isZero() ? null : now.plus(min(delay));
    }

    private static Duration min(Duration delay) {
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Duration max0(Duration delay) {
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    /** Non-negative decimal seconds, optionally quoted; huge values saturate instead of failing. */
    private static OptionalLong seconds(String text) {
        String value = text.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.length() > 12 ? MAX_DELAY.toSeconds() : Long.parseLong(value));
    }
}
