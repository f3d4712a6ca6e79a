package io.github.tldrbot.store;

import java.util.Locale;

/** Whether a subscription's cards are delivered. Stored as the lower-case name. */
public enum SubscriptionStatus {
    ACTIVE,
    /**
     * The bot cannot post to the channel (SPEC §6.4), or a moderator paused it ({@code /feed pause},
     * {@link ModeratorPauseStore}); its pending deliveries wait for a resume.
     */
    PAUSED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
