package io.github.tldrbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.github.tldrbot.config.StorageConfig;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The connection pool for {@code storage.*}, configured for its dialect (the connection side of
 * {@link SqlDialect}; {@link Database} does transactions and migrations on top).
 *
 * <p>SQLite: every pooled connection gets the same pragmas because they are part of the driver
 * configuration, not statements run once: WAL, {@code synchronous=NORMAL}, a 10 s busy timeout
 * (for other processes such as a backup tool), {@code foreign_keys=ON} (cascading deletes) and
 * {@code IMMEDIATE} transactions (the write lock is taken up front). PostgreSQL: the URL, user and
 * password from the config, {@code READ COMMITTED}; the pool connects once at start so a wrong URL
 * or password is reported then, in one line, and never with the password in it.
 */
final class ConnectionPools {
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int POSTGRES_POOL_SIZE = 8;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private ConnectionPools() {
    }

    static HikariDataSource open(StorageConfig storage, SqlDialect dialect) {
        return switch (dialect) {
            case SQLITE -> sqlite(storage.jdbcUrl());
            case POSTGRESQL -> postgres(storage);
        };
    }

    /** The URL with any {@code password=} parameter masked, for messages and logs. */
    static String masked(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private static HikariDataSource sqlite(String jdbcUrl) {
        createParentDirectory(jdbcUrl);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl(jdbcUrl);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("tldr-bot-db");
        pool.setMaximumPoolSize(SQLITE_POOL_SIZE);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }

    private static HikariDataSource postgres(StorageConfig storage) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(storage.jdbcUrl());
        if (storage.username() != null && !storage.username().isEmpty()) {
            pool.setUsername(storage.username());
        }
        if (storage.password() != null && !storage.password().isEmpty()) {
            pool.setPassword(storage.password());
        }
        pool.setPoolName("tldr-bot-db");
        pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new HikariDataSource(pool);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String user = storage.username() == null || storage.username().isEmpty() ? "" : " as '" + storage.username() + "'";
            throw new DatabaseException("storage.jdbcUrl: cannot connect to " + masked(storage.jdbcUrl()) + user + ": "
                    + oneLine(cause.getMessage()) + "; check that PostgreSQL runs there and that storage.jdbcUrl,"
                    + " storage.username and storage.password are right", cause);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * SQLite creates the file but not its directory, so {@code jdbc:sqlite:data/tldr-bot.db} on a
     * fresh checkout would fail.
     */
    private static void createParentDirectory(String jdbcUrl) {
        Path parent = sqliteFile(jdbcUrl).toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException("storage.jdbcUrl: cannot create directory " + parent + ": " + e.getMessage()
                    + "; create it or choose another path", e);
        }
    }

    /**
     * The file a {@code jdbc:sqlite:} URL names. In-memory URLs are refused because each pooled
     * connection would get its own empty database.
     */
    static Path sqliteFile(String jdbcUrl) {
        String target = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = target.indexOf('?');
        String path = query >= 0 ? target.substring(0, query) : target;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (path.isEmpty() || lower.equals(":memory:") || lower.startsWith(":resource:")) {
            throw new DatabaseException("storage.jdbcUrl: '" + jdbcUrl + "' is not a database file; "
                    + "use a file such as jdbc:sqlite:data/tldr-bot.db");
        }
        return Path.of(path);
    }
}
