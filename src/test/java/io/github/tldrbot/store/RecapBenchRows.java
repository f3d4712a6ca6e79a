package io.github.tldrbot.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One chunk of the recap benchmark's generated articles (with their cards and audiences) and how it
 * is written: batched prepared {@code INSERT}s on SQLite, {@code COPY … FROM STDIN} on PostgreSQL
 * (row-by-row inserts over JDBC took 78 s per 100,000 articles there). Ids are given explicitly
 * ({@link RecapBenchData} numbers the articles 1…n into an empty table, as the identity would), so
 * cards and audiences need no id read back; on PostgreSQL the identity is moved past them after
 * the load, and the load runs without secondary indexes and foreign keys ({@link #beforeLoad}).
 */
final class RecapBenchRows {
    record Row(long id, long feedId, String identity, String title, String link, String summary, long seen,
               String tldr, List<String> audiences) {
    }

    /** The tables the generator fills (besides the small feeds and subscriptions). */
    private static final String LOADED = "'articles'::regclass, 'cards'::regclass, 'article_audiences'::regclass";

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** Writes the chunk in the caller's transaction and empties it. */
    void write(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            copy(connection);
        } else {
            insert(connection);
        }
        rows.clear();
    }

    /**
     * PostgreSQL's advice for a bulk load ("Populating a Database"): the loaded tables' secondary
     * indexes and foreign keys are dropped here and rebuilt by {@link #afterLoad} from their own
     * definitions, read from the catalog (so nothing here restates the schema and nothing can drift
     * from the migrations). Keys and unique constraints stay. Returns what {@code afterLoad} restores.
     */
    static List<String> beforeLoad(Connection connection, SqlDialect dialect) throws SQLException {
        List<String> restore = new ArrayList<>();
        if (dialect != SqlDialect.POSTGRESQL) {
            return restore;
        }
        List<String> drop = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN (" + LOADED + ")"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                drop.add("DROP INDEX " + rows.getString(1));
                restore.add(rows.getString(2));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid IN (" + LOADED + ")");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                drop.add(0, "ALTER TABLE " + table + " DROP CONSTRAINT " + rows.getString(2));
                restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        execute(connection, drop);
        return restore;
    }

    /**
     * Restores what {@link #beforeLoad} dropped (building each index once over all rows, which is
     * much faster than keeping it up to date row by row) and lets the store number new articles
     * after the generated ones (PostgreSQL's identity does not follow explicit ids).
     */
    static void afterLoad(Connection connection, SqlDialect dialect, List<String> restore) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            return;
        }
        List<String> statements = new ArrayList<>();
        statements.add("SET LOCAL maintenance_work_mem = '256MB'");
        statements.addAll(restore);
        statements.add("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))");
        execute(connection, statements);
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private void insert(Connection c) throws SQLException {
        try (PreparedStatement article = c.prepareStatement("INSERT INTO articles (id, feed_id, identity, title, link, summary,"
                + " first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement card = c.prepareStatement("INSERT INTO cards (article_id, tldr, summarizer, created_at)"
                     + " VALUES (?, ?, 'extractive', ?)");
             PreparedStatement audience = c.prepareStatement("INSERT INTO article_audiences (article_id, audience_id, label,"
                     + " rank) VALUES (?, ?, ?, ?)")) {
            for (Row row : rows) {
                article.setLong(1, row.id());
                article.setLong(2, row.feedId());
                article.setString(3, row.identity());
                article.setString(4, row.title());
                article.setString(5, row.link());
                article.setString(6, row.summary());
                article.setLong(7, row.seen());
                article.addBatch();
                card.setLong(1, row.id());
                card.setString(2, row.tldr());
                card.setLong(3, row.seen());
                card.addBatch();
                for (int r = 0; r < row.audiences().size(); r++) {
                    audience.setLong(1, row.id());
                    audience.setString(2, row.audiences().get(r));
                    audience.setString(3, row.audiences().get(r));
                    audience.setInt(4, r);
                    audience.addBatch();
                }
            }
            article.executeBatch();
            card.executeBatch();
            audience.executeBatch();
        }
    }

    private void copy(Connection c) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder articles = new StringBuilder();
        StringBuilder cards = new StringBuilder();
        StringBuilder audiences = new StringBuilder();
        for (Row row : rows) {
            line(articles, row.id(), row.feedId(), row.identity(), row.title(), row.link(), row.summary(), row.seen());
            line(cards, row.id(), row.tldr(), "extractive", row.seen());
            for (int r = 0; r < row.audiences().size(); r++) {
                line(audiences, row.id(), row.audiences().get(r), row.audiences().get(r), r);
            }
        }
        try {
            copy.copyIn("COPY articles (id, feed_id, identity, title, link, summary, first_seen_at) FROM STDIN",
                    new StringReader(articles.toString()));
            copy.copyIn("COPY cards (article_id, tldr, summarizer, created_at) FROM STDIN", new StringReader(cards.toString()));
            copy.copyIn("COPY article_audiences (article_id, audience_id, label, rank) FROM STDIN",
                    new StringReader(audiences.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** One row of COPY's text format: tab-separated, backslash escapes, {@code \N} for null. */
    private static void line(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            String s = v.toString();
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
