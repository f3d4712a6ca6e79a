package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tables {@link StoreCopy} copies and in what order, read from the two databases' own
 * catalogs rather than from a list here, so a table or column a later migration adds is copied
 * without touching this class.
 *
 * <p>Left out on purpose: Flyway's {@code flyway_schema_history} (each database keeps its own),
 * SQLite's internal tables ({@code sqlite_*}) and the FTS5 index ({@code articles_fts}, a virtual
 * table, and its shadow tables): PostgreSQL's {@code search_vector} is a generated column that
 * PostgreSQL computes for each copied article. Also left out: SQLite's {@code article_days}
 * ({@code db/sqlite/V14__recap_days.sql}), a summary its triggers keep and PostgreSQL does not
 * need. Columns generated on either side are not copied
 * ({@code search_feed} on SQLite, {@code search_vector} on PostgreSQL). Anything else that exists on
 * one side only stops the copy before it starts, since it would mean data left behind.
 */
final class CopyCatalog {
    static final String SCHEMA_HISTORY = "flyway_schema_history";
    /** SQLite-only, derived from {@code articles} by triggers; PostgreSQL has no such table. */
    private static final String SQLITE_ONLY_SUMMARY = "article_days";

    private CopyCatalog() {
    }

    /** A PostgreSQL column as {@code information_schema.columns} describes it. */
    private record TargetColumn(String name, String dataType, boolean nullable, boolean generated, boolean identity) {
    }

    /** The tables to copy, parents before the tables whose foreign keys point at them. */
    static List<CopyTable> plan(Connection sqlite, Connection postgres) throws SQLException {
        Map<String, Set<String>> source = sqliteTables(sqlite);
        Map<String, List<TargetColumn>> target = postgresTables(postgres);
        if (!source.keySet().equals(target.keySet())) {
            throw new StoreCopyRefusedException("the two schemas differ: tables only in the SQLite file "
                    + minus(source.keySet(), target.keySet()) + ", only in PostgreSQL " + minus(target.keySet(), source.keySet())
                    + "; both should be at the same migration, so report this as a bug");
        }
        DatabaseMetaData meta = postgres.getMetaData();
        String schema = postgres.getSchema();
        Map<String, CopyTable> tables = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (Map.Entry<String, List<TargetColumn>> entry : target.entrySet()) {
            String table = entry.getKey();
            Set<String> sourceColumns = source.get(table);
            List<CopyTable.Column> columns = new ArrayList<>();
            Optional<String> identity = Optional.empty();
            Set<String> written = new TreeSet<>();
            for (TargetColumn c : entry.getValue()) {
                if (c.generated()) {
                    continue;
                }
                CopyType type = CopyType.forPostgres(c.dataType()).orElseThrow(() -> new StoreCopyRefusedException(
                        "column " + table + "." + c.name() + " has PostgreSQL type " + c.dataType()
                                + ", which migrate-store cannot copy yet; report this as a bug"));
                if (!sourceColumns.contains(c.name())) {
                    throw mismatch(table, c.name(), "PostgreSQL");
                }
                columns.add(new CopyTable.Column(c.name(), type));
                written.add(c.name());
                if (c.identity()) {
                    identity = Optional.of(c.name());
                }
            }
            for (String s : sourceColumns) {
                if (!written.contains(s)) {
                    throw mismatch(table, s, "the SQLite file");
                }
            }
            List<String> primaryKey = primaryKey(meta, schema, table);
            Set<String> tableParents = new TreeSet<>();
            List<String> selfReferences = new ArrayList<>();
            for (String[] fk : foreignKeys(meta, schema, table)) {
                if (!fk[0].equals(table)) {
                    tableParents.add(fk[0]);
                    continue;
                }
                TargetColumn column = entry.getValue().stream().filter(c -> c.name().equals(fk[1])).findFirst().orElseThrow();
                if (!column.nullable() || primaryKey.size() != 1) {
                    throw new StoreCopyRefusedException("table " + table + " references itself through " + fk[1]
                            + ", which migrate-store can copy only for a nullable column of a table with a one-column key;"
                            + " report this as a bug");
                }
                selfReferences.add(fk[1]);
            }
            parents.put(table, tableParents);
            tables.put(table, new CopyTable(table, columns, primaryKey, selfReferences, identity));
        }
        return inForeignKeyOrder(tables, parents);
    }

    /** The value SQLite's {@code AUTOINCREMENT} would give next minus one: the largest id the table ever had. */
    static OptionalLong sqliteSequence(Connection sqlite, String table) throws SQLException {
        try (PreparedStatement exists = sqlite.prepareStatement(
                "SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = 'sqlite_sequence'");
             ResultSet row = exists.executeQuery()) {
            if (!row.next()) {
                return OptionalLong.empty();
            }
        }
        try (PreparedStatement select = sqlite.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Ordinary tables of the SQLite file and their ordinary (not generated, not hidden) columns. */
    private static Map<String, Set<String>> sqliteTables(Connection sqlite) throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (PreparedStatement select = sqlite.prepareStatement("SELECT name FROM pragma_table_list"
                + " WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN (?, ?)")) {
            select.setString(1, SCHEMA_HISTORY);
            select.setString(2, SQLITE_ONLY_SUMMARY);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tables.put(row.getString(1), new TreeSet<>());
                }
            }
        }
        // hidden: 0 an ordinary column, 1 hidden (virtual tables), 2 and 3 generated
        try (PreparedStatement columns = sqlite.prepareStatement("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0")) {
            for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
                columns.setString(1, table.getKey());
                try (ResultSet row = columns.executeQuery()) {
                    while (row.next()) {
                        table.getValue().add(row.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    /** Base tables of PostgreSQL's current schema and their columns, in column order. */
    private static Map<String, List<TargetColumn>> postgresTables(Connection postgres) throws SQLException {
        Map<String, List<TargetColumn>> tables = new TreeMap<>();
        try (PreparedStatement select = postgres.prepareStatement("SELECT c.table_name, c.column_name, c.data_type,"
                + " c.is_nullable, c.is_generated, c.is_identity, c.column_default"
                + " FROM information_schema.columns c JOIN information_schema.tables t"
                + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> ?"
                + " ORDER BY c.table_name, c.ordinal_position")) {
            select.setString(1, SCHEMA_HISTORY);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String dflt = row.getString("column_default");
                    tables.computeIfAbsent(row.getString("table_name"), t -> new ArrayList<>()).add(new TargetColumn(
                            row.getString("column_name"), row.getString("data_type"), "YES".equals(row.getString("is_nullable")),
                            "ALWAYS".equals(row.getString("is_generated")),
                            "YES".equals(row.getString("is_identity")) || dflt != null && dflt.startsWith("nextval(")));
                }
            }
        }
        return tables;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet row = meta.getPrimaryKeys(null, schema, table)) {
            while (row.next()) {
                bySequence.put(row.getInt("KEY_SEQ"), row.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(bySequence.values());
    }

    /** Each foreign-key column of {@code table} as {referenced table, column}. */
    private static List<String[]> foreignKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (ResultSet row = meta.getImportedKeys(null, schema, table)) {
            while (row.next()) {
                keys.add(new String[] {row.getString("PKTABLE_NAME"), row.getString("FKCOLUMN_NAME")});
            }
        }
        return keys;
    }

    /** Kahn's algorithm, alphabetical among tables that are ready together, so the order is stable. */
    private static List<CopyTable> inForeignKeyOrder(Map<String, CopyTable> tables, Map<String, Set<String>> parents) {
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        parents.forEach((table, of) -> waiting.put(table, new TreeSet<>(of)));
        List<CopyTable> ordered = new ArrayList<>();
        while (!waiting.isEmpty()) {
            String ready = waiting.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new StoreCopyRefusedException("the foreign keys between tables "
                            + waiting.keySet() + " form a cycle, which migrate-store cannot order; report this as a bug"));
            waiting.remove(ready);
            waiting.values().forEach(of -> of.remove(ready));
            ordered.add(tables.get(ready));
        }
        return ordered;
    }

    private static StoreCopyRefusedException mismatch(String table, String column, String side) {
        return new StoreCopyRefusedException("the two schemas differ: column " + table + "." + column + " exists only in "
                + side + "; both should be at the same migration, so report this as a bug");
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
