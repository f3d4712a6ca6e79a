package io.github.tldrbot.store;

import io.github.tldrbot.config.StorageConfig;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Copies a SQLite store into an empty PostgreSQL one ({@code migrate-store}, issue 11): every table
 * the two catalogs share ({@link CopyCatalog}), parents before children, ids kept, in one
 * PostgreSQL transaction, so a failure at any row leaves the target as empty as it was. Then each
 * identity sequence is moved past the largest id the SQLite table ever gave out, and the row counts
 * of both sides are compared before the transaction commits.
 *
 * <p>The SQLite side is read inside one SQLite transaction, a consistent snapshot; on SQLite that
 * transaction takes the write lock, so a bot still writing to the file waits instead of adding rows
 * half-way through the copy. The target's tables are locked against writers for the same reason.
 */
public final class StoreCopy {
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** A table and how many rows were copied into it. */
    public record CopiedTable(String name, long rows) {
    }

    /** An identity sequence moved so that the next row inserted on PostgreSQL gets {@code next}. */
    public record SequenceReset(String table, String column, long next) {
    }

    /** What was copied, in copy order, and which sequences were reset. */
    public record Report(List<CopiedTable> tables, List<SequenceReset> sequences) {
        public Report {
            tables = List.copyOf(tables);
            sequences = List.copyOf(sequences);
        }

        public long rows() {
            return tables.stream().mapToLong(CopiedTable::rows).sum();
        }
    }

    private final Database source;
    private final Database target;
    private final int batchSize;

    /** A copy from a SQLite {@code source} to a PostgreSQL {@code target}, both opened (and so migrated). */
    public StoreCopy(Database source, Database target, int batchSize) {
        if (source.dialect() != SqlDialect.SQLITE || target.dialect() != SqlDialect.POSTGRESQL) {
            throw new StoreCopyRefusedException("migrate-store copies a SQLite store to PostgreSQL, not "
                    + source.dialect() + " to " + target.dialect());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
    }

    /**
     * Opens the SQLite store to copy from, migrating it to the current schema as starting the bot
     * would. Refuses, without creating or changing anything, a URL that is not SQLite, a file that
     * does not exist, and a SQLite file that holds no tldr-bot schema.
     */
    public static Database openSource(String jdbcUrl) {
        Path file = checkSource(jdbcUrl);
        try {
            return new Database(jdbcUrl);
        } catch (DatabaseException e) {
            if (isBusy(e)) {
                throw new StoreCopyRefusedException(file + " is locked by another process (is the bot still running on it?);"
                        + " stop the bot and run migrate-store again");
            }
            throw e;
        }
    }

    /**
     * The checks of {@link #openSource} that change nothing and connect nowhere else, so a command
     * can run them before it connects to the target: a SQLite URL, an existing file, a tldr-bot
     * schema in it. Returns the file.
     */
    public static Path checkSource(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length())) {
            throw new StoreCopyRefusedException("'" + ConnectionPools.masked(jdbcUrl) + "' is not a SQLite database;"
                    + " give the bot's SQLite file as jdbc:sqlite:PATH (e.g. jdbc:sqlite:data/tldr-bot.db)");
        }
        Path file = ConnectionPools.sqliteFile(jdbcUrl);
        if (!Files.isRegularFile(file)) {
            throw new StoreCopyRefusedException("no such file " + file.toAbsolutePath()
                    + "; give the path of the bot's SQLite file (its storage.jdbcUrl)");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            select.setString(1, CopyCatalog.SCHEMA_HISTORY);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getInt(1) == 0) {
                    throw new StoreCopyRefusedException(file + " holds no tldr-bot store (it has no "
                            + CopyCatalog.SCHEMA_HISTORY + " table); give the path of the bot's SQLite file");
                }
            }
        } catch (SQLException e) {
            throw new StoreCopyRefusedException("cannot read " + file + " as a SQLite database: " + oneLine(e.getMessage())
                    + "; give the path of the bot's SQLite file");
        }
        return file;
    }

    /** True when SQLite refused a lock because another connection (a bot still running) holds it. */
    public static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isBusy(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Opens the PostgreSQL store to copy into, creating the schema when the database is new as
     * starting the bot would; a URL that is not PostgreSQL is refused without connecting. The
     * connections have pgjdbc's {@code reWriteBatchedInserts} on (unless the URL sets it), so each
     * JDBC batch travels as a few multi-row {@code INSERT}s: half the copy time of one statement
     * per row (docs/benchmarks.md). Use the returned {@link Database} for the copy only.
     */
    public static Database openTarget(StorageConfig storage) {
        String url = storage.jdbcUrl();
        if (!url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
            throw new StoreCopyRefusedException("'" + ConnectionPools.masked(url) + "' is not a PostgreSQL database;"
                    + " give the new database as jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String batched = url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=") ? url
                : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try {
            return new Database(new StorageConfig(batched, storage.username(), storage.password()));
        } catch (DatabaseException e) {
            String user = storage.username() == null || storage.username().isEmpty() ? "" : " as '" + storage.username() + "'";
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = oneLine(cause.getMessage()).replaceAll("\\.$", "");
            throw new DatabaseException(ConnectionPools.masked("cannot open " + url + user + ": " + reason)
                    + "; check that PostgreSQL runs there, that the database exists and that user and password are right", e);
        }
    }

    /**
     * Copies everything, calling {@code progress} after each table, and commits only when every
     * table on PostgreSQL holds as many rows as in the SQLite file.
     *
     * @throws StoreCopyRefusedException when the target already holds a row in any copied table
     *                                   (nothing is written) or the schemas differ
     * @throws DatabaseException         when copying fails; the target is left as it was
     */
    public Report copy(Consumer<CopiedTable> progress) {
        return source.transaction(() -> source.read(sqlite -> target.write(postgres -> copy(sqlite, postgres, progress))));
    }

    private Report copy(Connection sqlite, Connection postgres, Consumer<CopiedTable> progress) throws SQLException {
        List<CopyTable> tables = CopyCatalog.plan(sqlite, postgres);
        try (Statement lock = postgres.createStatement()) {
            lock.execute("LOCK TABLE " + CopyTable.list(tables.stream().map(CopyTable::name).toList()) + " IN EXCLUSIVE MODE");
        }
        List<String> holdingData = new ArrayList<>();
        for (CopyTable table : tables) {
            if (query(postgres, "SELECT count(*) FROM (SELECT 1 FROM " + CopyTable.quote(table.name()) + " LIMIT 1) t") > 0) {
                holdingData.add(table.name());
            }
        }
        if (!holdingData.isEmpty()) {
            throw new StoreCopyRefusedException("the target already holds data (in " + String.join(", ", holdingData)
                    + "); migrate-store copies only into an empty database: give a new database, or drop and recreate this one");
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        for (CopyTable table : tables) {
            expected.put(table.name(), count(sqlite, table.name()));
        }
        TableCopier copier = new TableCopier(sqlite, postgres, batchSize);
        List<CopiedTable> copied = new ArrayList<>();
        for (CopyTable table : tables) {
            CopiedTable done = new CopiedTable(table.name(), copier.copy(table));
            copied.add(done);
            progress.accept(done);
        }
        verify(postgres, copied, expected);
        List<SequenceReset> sequences = new ArrayList<>();
        for (CopyTable table : tables) {
            if (table.identity().isPresent()) {
                sequences.add(resetSequence(sqlite, postgres, table.name(), table.identity().get()));
            }
        }
        return new Report(copied, sequences);
    }

    /**
     * Refreshes the planner's statistics and the visibility map of the copied tables (what
     * autovacuum would do some time later), so the first recaps after the move use their indexes.
     * Runs after the copy committed; returns a warning instead of failing, since the data is in.
     */
    public Optional<String> analyze(Report report) {
        try {
            return target.read(postgres -> {
                try (Statement vacuum = postgres.createStatement()) {
                    for (CopiedTable table : report.tables()) {
                        vacuum.execute("VACUUM (ANALYZE) " + CopyTable.quote(table.name()));
                    }
                }
                return Optional.empty();
            });
        } catch (DatabaseException e) {
            return Optional.of("VACUUM ANALYZE after the copy failed (" + oneLine(e.getMessage())
                    + "); the data is complete, autovacuum will catch up");
        }
    }

    private static void verify(Connection postgres, List<CopiedTable> copied, Map<String, Long> expected) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (CopiedTable table : copied) {
            long there = count(postgres, table.name());
            long want = expected.get(table.name());
            if (there != want || table.rows() != want) {
                wrong.add(table.name() + " (SQLite " + want + ", copied " + table.rows() + ", PostgreSQL " + there + ")");
            }
        }
        if (!wrong.isEmpty()) {
            throw new DatabaseException("row counts differ after copying: " + String.join(", ", wrong)
                    + "; nothing was committed, the target is empty; report this as a bug");
        }
    }

    /**
     * Moves the table's identity sequence past the largest id the SQLite table ever gave out (its
     * {@code AUTOINCREMENT} counter, which remembers ids of pruned rows), so an id is never given twice.
     */
    private static SequenceReset resetSequence(Connection sqlite, Connection postgres, String table, String column)
            throws SQLException {
        long max = query(postgres, "SELECT coalesce(max(" + CopyTable.quote(column) + "), 0) FROM " + CopyTable.quote(table));
        OptionalLong given = CopyCatalog.sqliteSequence(sqlite, table);
        long next = Math.max(max, given.orElse(0)) + 1;
        try (PreparedStatement setval = postgres.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, false)")) {
            setval.setString(1, CopyTable.quote(table));
            setval.setString(2, column);
            setval.setLong(3, next);
            setval.execute();
        }
        return new SequenceReset(table, column, next);
    }

    private static long count(Connection connection, String table) throws SQLException {
        return query(connection, "SELECT count(*) FROM " + CopyTable.quote(table));
    }

    private static long query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
