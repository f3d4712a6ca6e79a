package io.github.tldrbot.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies the rows of one {@link CopyTable} from a SQLite connection to a PostgreSQL one, inside the
 * caller's PostgreSQL transaction: rows streamed in primary-key order and inserted with JDBC batches
 * of {@code batchSize}, ids as they are. A failure names the table and the rows concerned.
 */
final class TableCopier {
    /** A self-reference set after the table's rows are in: the row's key and the id it references. */
    private record Deferred(int column, Object key, Object value) {
    }

    private final Connection sqlite;
    private final Connection postgres;
    private final int batchSize;

    TableCopier(Connection sqlite, Connection postgres, int batchSize) {
        this.sqlite = sqlite;
        this.postgres = postgres;
        this.batchSize = batchSize;
    }

    /** Copies every row of {@code table}; returns how many were inserted. */
    long copy(CopyTable table) throws SQLException {
        List<CopyTable.Column> columns = table.columns();
        List<String> names = columns.stream().map(CopyTable.Column::name).toList();
        int[] keyColumns = table.primaryKey().stream().mapToInt(names::indexOf).toArray();
        boolean[] deferred = new boolean[columns.size()];
        table.selfReferences().forEach(c -> deferred[names.indexOf(c)] = true);
        List<Deferred> later = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement select = sqlite.prepareStatement(table.selectSql());
             PreparedStatement insert = postgres.prepareStatement(table.insertSql())) {
            select.setFetchSize(batchSize);
            try (ResultSet row = select.executeQuery()) {
                String firstOfBatch = null;
                String last = null;
                int inBatch = 0;
                while (row.next()) {
                    last = keyOf(table, row, keyColumns, rows);
                    firstOfBatch = inBatch == 0 ? last : firstOfBatch;
                    for (int i = 0; i < columns.size(); i++) {
                        CopyTable.Column column = columns.get(i);
                        try {
                            if (deferred[i]) {
                                Object value = row.getObject(i + 1);
                                if (value != null) {
                                    later.add(new Deferred(i, row.getObject(keyColumns[0] + 1), value));
                                }
                                column.type().setNull(insert, i + 1);
                            } else {
                                column.type().copy(row, i + 1, insert, i + 1);
                            }
                        } catch (IllegalArgumentException e) {
                            throw new DatabaseException("cannot copy " + table.name() + "." + column.name() + " of the row with "
                                    + last + ": " + e.getMessage() + "; correct the value in the SQLite file (or delete the row)"
                                    + " and run migrate-store again");
                        }
                    }
                    insert.addBatch();
                    rows++;
                    if (++inBatch == batchSize) {
                        execute(insert, table, firstOfBatch, last);
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    execute(insert, table, firstOfBatch, last);
                }
            }
        }
        setLater(table, later);
        return rows;
    }

    private void setLater(CopyTable table, List<Deferred> later) throws SQLException {
        for (String name : table.selfReferences()) {
            List<String> names = table.columns().stream().map(CopyTable.Column::name).toList();
            int column = names.indexOf(name);
            CopyTable.Column key = table.columns().get(names.indexOf(table.primaryKey().get(0)));
            try (PreparedStatement update = postgres.prepareStatement(table.updateSelfReferenceSql(name))) {
                int inBatch = 0;
                for (Deferred d : later) {
                    if (d.column() != column) {
                        continue;
                    }
                    table.columns().get(column).type().bind(update, 1, d.value());
                    key.type().bind(update, 2, d.key());
                    update.addBatch();
                    if (++inBatch == batchSize) {
                        execute(update, table, null, null);
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    execute(update, table, null, null);
                }
            }
        }
    }

    private static void execute(PreparedStatement batch, CopyTable table, String first, String last) throws SQLException {
        try {
            batch.executeBatch();
        } catch (BatchUpdateException e) {
            // pgjdbc's own message repeats the statement with its values; the server's reason is the next exception
            SQLException reason = e.getNextException() == null ? e : e.getNextException();
            String rows = first == null ? "" : " (rows " + first + " to " + last + ")";
            throw new DatabaseException("copying table " + table.name() + rows + " failed: " + oneLine(reason.getMessage()), e);
        }
    }

    /** How a row is named in messages: its primary key, else its position. */
    private static String keyOf(CopyTable table, ResultSet row, int[] keyColumns, long index) throws SQLException {
        if (keyColumns.length == 0) {
            return "number " + (index + 1);
        }
        List<String> parts = new ArrayList<>();
        for (int k : keyColumns) {
            parts.add(table.columns().get(k).name() + "=" + row.getObject(k + 1));
        }
        return parts.stream().collect(Collectors.joining(", "));
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
