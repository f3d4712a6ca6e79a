package io.github.tldrbot.card;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The card's {@code collectedAfter} (SPEC §5.1): how long after its publication the bot first saw
 * an article, shown only when over an hour — the seed's "Stale · collected in 2h", which tells a
 * reader that the news is not as fresh as the post. A publication time after the first sighting
 * (clock skew, a feed dating items ahead) gives nothing. Stateless.
 */
public final class CollectionDelay {

    /** Delays up to this are normal polling and not worth a word. */
    public static final Duration THRESHOLD = Duration.ofHours(1);

    private CollectionDelay() {
    }

    /** The delay when it is over {@link #THRESHOLD}; empty when unknown or shorter. */
    public static Optional<Duration> of(Instant published, Instant firstSeen) {
        if (published == null || firstSeen == null) {
            return Optional.empty();
        }
        Duration delay = Duration.between(published, firstSeen);
        return delay.compareTo(THRESHOLD) > 0 ? Optional.of(delay) : Optional.empty();
    }

    /** "collected 2 h after publication", "collected 3 d after publication" (whole units, rounded down). */
    public static String describe(Duration delay) {
        long hours = delay.toHours();
        String amount = hours < 48 ? hours + " h" : delay.toDays() + " d";
        return "collected " + amount + " after publication";
    }
}
