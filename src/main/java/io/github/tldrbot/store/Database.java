package io.github.tldrbot.store;

import com.zaxxer.hikari.HikariDataSource;
import io.github.tldrbot.config.StorageConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.SQLException;
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
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

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

    /** Runs read-only work on a pooled connection in auto-commit mode, concurrently with other reads and writes. */
    public <T> T read(SqlFunction<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseException("storage: read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * Must not be nested (on SQLite a nested write would wait for its own lock; on PostgreSQL it
     * would be a second transaction that cannot see the first's changes): pass the Connection down.
     */
    public <T> T write(SqlFunction<Connection, T> work) {
        if (writing.get()) {
            throw new IllegalStateException("Database.write must not be nested; pass the Connection down instead");
        }
        boolean locked = dialect.singleWriter();
        if (locked) {
            writeLock.lock();
        }
        writing.set(true);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("storage: write failed: " + e.getMessage(), e);
        } finally {
            writing.set(false);
            if (locked) {
                writeLock.unlock();
            }
        }
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
