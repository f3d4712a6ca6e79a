package io.github.tldrbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.tldrbot.config.StorageConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections, transactions and schema migrations for the store (SPEC §9).
 *
 * <p>SQLite allows one writer at a time; two connections that both start writing make one of them
 * fail with {@code SQLITE_BUSY}. So every {@link #write} runs under one in-process lock (a single
 * writer), inside an {@code IMMEDIATE} transaction that takes SQLite's write lock up front, while
 * {@link #read}s run concurrently on other pooled connections (WAL lets readers proceed during a
 * write). Every pooled connection gets the same pragmas because they are part of the driver
 * configuration, not statements run once: WAL, {@code synchronous=NORMAL}, a 10 s busy timeout
 * (for other processes such as a backup tool) and {@code foreign_keys=ON} (cascading deletes).
 *
 * <p>The schema is migrated with Flyway from {@code classpath:db/migration} when the database is
 * opened; re-opening an up-to-date file is a no-op.
 */
public final class Database implements AutoCloseable {
    private static final int POOL_SIZE = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The connection of the transaction this thread is in, if any: nested reads and writes join it. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** Opens (creating the file and its directory if needed) and migrates the database at {@code jdbcUrl}. */
    public Database(String jdbcUrl) {
        this.dialect = SqlDialect.forJdbcUrl(jdbcUrl);
        createParentDirectory(jdbcUrl);
        this.dataSource = new HikariDataSource(poolConfig(jdbcUrl));
        try {
            migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Opens the database named by {@code storage.*}. Credentials are unused by SQLite. */
    public static Database open(StorageConfig config) {
        return new Database(config.jdbcUrl());
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Runs read-only work on a pooled connection in auto-commit mode, concurrently with other reads
     * and the writer. Inside a {@link #transaction} (or {@link #write}) on this thread it runs on
     * that transaction's connection instead, so it sees the transaction's own uncommitted writes.
     */
    public <T> T read(SqlFunction<Connection, T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.apply(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            }
        } catch (SQLException e) {
            throw new DatabaseException("storage: read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction, as the only writer: committed when it returns, rolled
     * back when it throws. Called inside a transaction on the same thread, it joins that one (its
     * statements commit or roll back with the outermost one), so a store method that writes on its
     * own also composes into a use case's single transaction.
     */
    public <T> T write(SqlFunction<Connection, T> work) {
        try {
            return transaction(() -> work.apply(current.get()));
        } catch (SQLException e) {
            throw new DatabaseException("storage: write failed: " + e.getMessage(), e);
        }
    }

    /**
     * One use case, one transaction (SPEC §9): every store call {@code work} makes on this thread
     * runs in the same transaction, committed when {@code work} returns and rolled back when it
     * throws (its own checked exception, e.g. a refusal, passes through unchanged). Nested calls join
     * the outermost transaction. Keep network calls out of {@code work}: on SQLite the transaction
     * holds the database's only write lock.
     */
    public <T, E extends Exception> T transaction(TransactionWork<T, E> work) throws E {
        if (current.get() != null) {
            return work.run();
        }
        writeLock.lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (Exception e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                current.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("storage: write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The work of one {@link #transaction}; may throw its own checked exception. */
    @FunctionalInterface
    public interface TransactionWork<T, E extends Exception> {
        T run() throws E;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private void migrate() {
        writeLock.lock();
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("storage: migrating the schema failed: " + e.getMessage()
                    + "; check storage.jdbcUrl points at a tldr-bot database", e);
        } finally {
            writeLock.unlock();
        }
    }

    private static HikariConfig poolConfig(String jdbcUrl) {
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
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return pool;
    }

    /**
     * SQLite creates the file but not its directory, so {@code jdbc:sqlite:data/tldr-bot.db} on a
     * fresh checkout would fail; in-memory URLs are refused because each pooled connection would
     * get its own empty database.
     */
    private static void createParentDirectory(String jdbcUrl) {
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
        Path parent = Path.of(path).toAbsolutePath().getParent();
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

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
