package io.github.tldrbot.store;

import java.util.Locale;

/** Whether the dispatcher polls a feed. Stored as the lower-case name. */
public enum FeedStatus {
    ACTIVE,
    DISABLED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FeedStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
