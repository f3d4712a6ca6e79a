package io.github.tldrbot.store;

import io.github.tldrbot.config.StorageConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh database for one test, on SQLite (a file in a new temporary folder) or PostgreSQL (a new
 * database on {@link PostgresTestServer}), and the {@link Database}s opened on it; {@link #close}
 * closes them and deletes the data. Used by {@link StoreTest} and by any test that needs a store:
 * {@code try (TestDatabase test = StoreKind.POSTGRESQL.create(true)) { Database db = test.database(); … }}.
 */
public final class TestDatabase implements AutoCloseable {
    private final StoreKind kind;
    private final StorageConfig storage;
    private final Path folder;
    private final List<Database> opened = new ArrayList<>();
    private Database database;

    private TestDatabase(StoreKind kind, StorageConfig storage, Path folder) {
        this.kind = kind;
        this.storage = storage;
        this.folder = folder;
    }

    /** A SQLite file in a new temporary folder; it does not exist until the first {@link #open}. */
    public static TestDatabase sqlite() {
        try {
            Path folder = Files.createTempDirectory("tldr-bot-store-");
            return new TestDatabase(StoreKind.SQLITE, new StorageConfig("jdbc:sqlite:" + folder.resolve("test.db"), "", ""), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database on the shared test server; fails (never skips) when the server cannot start. */
    public static TestDatabase postgres(boolean migrated) {
        return new TestDatabase(StoreKind.POSTGRESQL, PostgresTestServer.get().createDatabase(migrated), null);
    }

    public StoreKind kind() {
        return kind;
    }

    /** URL and credentials, as {@code storage.*} would give them. */
    public StorageConfig storage() {
        return storage;
    }

    /** The test's {@link Database}, opened (and migrated) on first use. */
    public synchronized Database database() {
        if (database == null) {
            database = open();
        }
        return database;
    }

    /** Another {@link Database} on the same data, as a restarted process would open it; closed with this. */
    public synchronized Database open() {
        Database db = new Database(storage);
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        opened.clear();
        database = null;
        if (kind == StoreKind.POSTGRESQL) {
            PostgresTestServer.get().dropDatabase(storage);
        } else {
            deleteFolder();
        }
    }

    private void deleteFolder() {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
