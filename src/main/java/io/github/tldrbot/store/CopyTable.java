package io.github.tldrbot.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One table {@link StoreCopy} copies, as both databases describe it ({@link CopyCatalog}).
 *
 * @param columns        the columns written on PostgreSQL (its generated columns left out), each
 *                       read by the same name from SQLite
 * @param primaryKey     the rows are read in this order (ids ascending), empty for a table without one
 * @param selfReferences nullable columns that reference this same table (a story card's edit names
 *                       the delivery it edits): inserted as NULL, then set once every row of the
 *                       table is in, so the order of the rows does not matter
 * @param identity       the column whose PostgreSQL sequence is moved past the copied ids, if any
 */
record CopyTable(String name, List<Column> columns, List<String> primaryKey, List<String> selfReferences,
                 Optional<String> identity) {

    /** A copied column: its name and how its values are converted. */
    record Column(String name, CopyType type) {
    }

    CopyTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        selfReferences = List.copyOf(selfReferences);
    }

    /** The SQLite query that reads every row, in primary-key order. */
    String selectSql() {
        String order = primaryKey.isEmpty() ? "" : " ORDER BY " + list(primaryKey);
        return "SELECT " + list(columns.stream().map(Column::name).toList()) + " FROM " + quote(name) + order;
    }

    /**
     * The PostgreSQL insert of one row. {@code OVERRIDING SYSTEM VALUE} keeps the SQLite ids even
     * where the identity is {@code GENERATED ALWAYS} (the schema uses {@code BY DEFAULT}, which takes
     * them anyway).
     */
    String insertSql() {
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + quote(name) + " (" + list(columns.stream().map(Column::name).toList()) + ")"
                + (identity.isPresent() ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + marks + ")";
    }

    /** Sets one self-referencing column of one row, by its single-column primary key. */
    String updateSelfReferenceSql(String column) {
        return "UPDATE " + quote(name) + " SET " + quote(column) + " = ? WHERE " + quote(primaryKey.get(0)) + " = ?";
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String list(List<String> identifiers) {
        return identifiers.stream().map(CopyTable::quote).collect(Collectors.joining(", "));
    }
}
