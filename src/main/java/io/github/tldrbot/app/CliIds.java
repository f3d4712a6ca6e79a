package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DatabaseException;

/** What the store commands ({@code import-opml}, {@code export-opml}) share: reading Discord ids and opening the store. */
final class CliIds {
    private CliIds() {
    }

    /** A Discord id (a positive number), or a usage error naming the option. */
    static long snowflake(String option, String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException(ExitCodes.USAGE, option + ": '" + text + "' is not a Discord id; copy it with Developer Mode"
                + " (right-click → Copy ID), e.g. " + option + " 123456789012345678");
    }

    /** The configured store, migrated; a store that cannot be opened is a configuration error. */
    static Database openStore(BotConfig config) {
        try {
            return Database.open(config.storage());
        } catch (DatabaseException e) {
            throw new CliException(ExitCodes.USAGE, "storage.jdbcUrl: cannot open the store: "
                    + String.valueOf(e.getMessage()).replaceAll("(?i)(password=)[^&;\\s]*", "$1****"));
        }
    }
}
