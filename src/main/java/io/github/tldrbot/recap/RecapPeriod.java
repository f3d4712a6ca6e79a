package io.github.tldrbot.recap;

import java.time.Duration;
import java.util.Locale;

/** The window a recap covers, ending at the moment it is asked for (SPEC §8.1). A month is 30 days. */
public enum RecapPeriod {
    DAY(Duration.ofDays(1), "Daily"),
    WEEK(Duration.ofDays(7), "Weekly"),
    MONTH(Duration.ofDays(30), "Monthly");

    private final Duration length;
    private final String adjective;

    RecapPeriod(Duration length, String adjective) {
        this.length = length;
        this.adjective = adjective;
    }

    /** {@code "day"}, {@code "week"} or {@code "month"} (any case). */
    public static RecapPeriod parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "day":
                    return DAY;
                case "week":
                    return WEEK;
                case "month":
                    return MONTH;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("period must be day, week or month, not '" + text + "'");
    }

    public Duration length() {
        return length;
    }

    /** "Daily", "Weekly", "Monthly": for titles such as "Weekly recap". */
    public String adjective() {
        return adjective;
    }

    /** The option value: "day", "week", "month". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
