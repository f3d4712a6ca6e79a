package io.github.tldrbot.card;

import java.time.LocalDate;

/**
 * One dated event of a card's timeline (SPEC §5.1).
 *
 * @param date the day the event happened (UTC), never null
 * @param text what happened, one line
 * @param link where it is told, or null
 */
public record TimelineEntry(LocalDate date, String text, String link) {
    public TimelineEntry {
        if (date == null) {
            throw new IllegalArgumentException("a timeline entry needs a date");
        }
    }
}
