package io.github.tldrbot.recap;

import java.time.Duration;
import java.util.Locale;

/** TEMPORARY stub (replaced at merge by the recap helper's class). */
public enum RecapPeriod {
    DAY, WEEK, MONTH;

    public static RecapPeriod parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public Duration length() {
        return switch (this) {
            case DAY -> Duration.ofDays(1);
            case WEEK -> Duration.ofDays(7);
            case MONTH -> Duration.ofDays(30);
        };
    }
}
