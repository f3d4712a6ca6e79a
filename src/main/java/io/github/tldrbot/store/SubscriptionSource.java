package io.github.tldrbot.store;

import java.util.Locale;

/**
 * Who created a subscription: the config file's {@code feeds:} list (re-synced at every start, so
 * rows that left the file are deleted) or a slash command (kept until a command removes it).
 */
public enum SubscriptionSource {
    CONFIG,
    COMMAND;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionSource fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
