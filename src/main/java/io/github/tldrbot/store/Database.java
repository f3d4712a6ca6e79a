package io.github.tldrbot.store;

import com.zaxxer.hikari.HikariDataSource;
import io.github.tldrbot.config.StorageConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections, transactions and schema migrations for the store (SPEC §9), on SQLite or PostgreSQL
 * ({@link SqlDialect#forJdbcUrl}; pools from {@link ConnectionPools}).
 *
 * <p>Every {@link #write} is one transaction, committed when its work returns and rolled back when
 * it throws; {@link #read}s run in auto-commit mode on other pooled connections. SQLite allows one
 * writer at a time (two connections that both start writing make one of them fail with
 * {@code SQLITE_BUSY}), so there every write runs under one in-process lock, inside an
 * {@code IMMEDIATE} transaction, while reads proceed (WAL). PostgreSQL takes concurrent writers:
 * writes run side by side in {@code READ COMMITTED} transactions, and the stores make each one
 * correct under that (conflict-free upserts, {@link SqlDialect#skipLocked} claims,
 * {@link SqlDialect#forUpdate} before "check, then change").
 *
 * <p>The schema is migrated with Flyway from {@link SqlDialect#migrationLocations} when the
 * database is opened; re-opening an up-to-date database is a no-op.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The connection of the transaction this thread is in, if any: nested reads and writes join it. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** What runs once the transaction this thread is in has committed ({@link #afterCommit}). */
    private final ThreadLocal<List<Runnable>> committed = new ThreadLocal<>();

    /** Opens the database at {@code jdbcUrl} without credentials (a SQLite file, or a URL that carries them). */
    public Database(String jdbcUrl) {
        this(new StorageConfig(jdbcUrl, "", ""));
    }

    /**
     * Opens (for SQLite creating the file and its directory if needed) and migrates the database
     * named by {@code storage.*}; the credentials are used by PostgreSQL only.
     */
    public Database(StorageConfig storage) {
        this.dialect = SqlDialect.forJdbcUrl(storage.jdbcUrl());
        this.dataSource = ConnectionPools.open(storage, dialect);
        try {
            migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Opens the database named by {@code storage.*}. */
    public static Database open(StorageConfig config) {
        return new Database(config);
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
        // SQLite has one writer at a time; PostgreSQL runs transactions concurrently
        boolean locked = dialect.singleWriter();
        if (locked) {
            writeLock.lock();
        }
        List<Runnable> hooks = new ArrayList<>();
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            current.set(connection);
            committed.set(hooks);
            try {
                result = work.run();
                connection.commit();
            } catch (Exception e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                current.remove();
                committed.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("storage: write failed: " + e.getMessage(), e);
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
        hooks.forEach(Runnable::run); // committed, and the writer lock is free again
        return result;
    }

    /**
     * Runs {@code action} once the transaction this thread is in has committed (at once outside a
     * transaction; never when it rolls back): e.g. waking a worker that reads what it wrote, which
     * would find nothing before the commit.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> hooks = committed.get();
        if (hooks == null) {
            action.run();
        } else {
            hooks.add(action);
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
                    .locations(dialect.migrationLocations())
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

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
