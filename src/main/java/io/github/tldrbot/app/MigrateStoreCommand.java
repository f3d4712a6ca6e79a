package io.github.tldrbot.app;

import io.github.tldrbot.config.StorageConfig;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DatabaseException;
import io.github.tldrbot.store.StoreCopy;
import io.github.tldrbot.store.StoreCopyRefusedException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-store --from SQLITE_URL --to PG_URL}: moves a single-process SQLite installation to
 * PostgreSQL (docs/scale-out.md) by copying every table into an empty PostgreSQL database with
 * {@link StoreCopy}. The password comes from an environment variable, never from the command
 * line, and no URL is printed with a {@code password=} in it.
 */
@Command(name = "migrate-store", mixinStandardHelpOptions = true,
        description = {"Copy the bot's SQLite store into a new, empty PostgreSQL database (stop the bot and back up the file first).",
                "Both stores are migrated to the current schema first; the copy is one transaction, so a failure leaves the target empty."})
final class MigrateStoreCommand implements Callable<Integer> {
    static final String DEFAULT_PASSWORD_ENV = "TLDR_DB_PASSWORD";

    @Option(names = "--from", required = true, paramLabel = "SQLITE_URL",
            description = "The bot's SQLite store (its storage.jdbcUrl), e.g. jdbc:sqlite:data/tldr-bot.db.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PG_URL",
            description = "An empty PostgreSQL database, jdbc:postgresql://HOST:PORT/DATABASE, without a password in it.")
    String to;

    @Option(names = "--to-username", paramLabel = "USER", description = "The PostgreSQL user (storage.username).")
    String username = "";

    @Option(names = "--to-password-env", paramLabel = "NAME", defaultValue = DEFAULT_PASSWORD_ENV,
            description = "The environment variable that holds the PostgreSQL password (default: ${DEFAULT-VALUE}).")
    String passwordEnv = DEFAULT_PASSWORD_ENV;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + StoreCopy.DEFAULT_BATCH_SIZE,
            description = "Rows per JDBC batch insert (default: ${DEFAULT-VALUE}).")
    int batchSize = StoreCopy.DEFAULT_BATCH_SIZE;

    @Option(names = "--verbose", description = "Show stack traces.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    MigrateStoreCommand() {
        this(System.getenv());
    }

    /** @param env where the password is looked up (tests pass their own) */
    MigrateStoreCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (to.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new CliException(ExitCodes.USAGE, "--to: the URL carries a password (" + masked(to) + "); remove it and put"
                    + " the password in the environment variable " + passwordEnv + ", so it stays out of the process list"
                    + " and the shell history");
        }
        if (batchSize < 1) {
            throw new CliException(ExitCodes.USAGE, "--batch-size: must be at least 1, not " + batchSize);
        }
        PrintWriter out = spec.commandLine().getOut();
        String password = env.getOrDefault(passwordEnv, "");
        long start = System.nanoTime();
        // what can be checked without connecting anywhere comes first
        open("--from", () -> StoreCopy.checkSource(from));
        try (Database target = open("--to", () -> StoreCopy.openTarget(new StorageConfig(to, username, password)));
             Database source = open("--from", () -> StoreCopy.openSource(from))) {
            out.println("copying " + from + " to " + masked(to) + (username.isEmpty() ? "" : " as '" + username + "'")
                    + " (both migrated to the current schema; one transaction)");
            StoreCopy storeCopy = new StoreCopy(source, target, batchSize);
            StoreCopy.Report report = copy(storeCopy, out);
            out.printf(Locale.ROOT, "verified: %d tables, %d rows, the same counts on both sides%n", report.tables().size(),
                    report.rows());
            out.println("sequences: " + report.sequences().stream().map(s -> s.table() + "." + s.column() + " next " + s.next())
                    .collect(Collectors.joining(", ")));
            storeCopy.analyze(report).ifPresent(w -> out.println("warning: " + w));
            out.printf(Locale.ROOT, "done in %.1f s: set storage.jdbcUrl to %s%s and start the bot%n",
                    (System.nanoTime() - start) / 1e9, masked(to),
                    username.isEmpty() ? "" : " (storage.username: " + username + ")");
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static StoreCopy.Report copy(StoreCopy copy, PrintWriter out) {
        try {
            return copy.copy(table -> {
                out.printf(Locale.ROOT, "  %-22s %10d rows%n", table.name(), table.rows());
                out.flush();
            });
        } catch (StoreCopyRefusedException e) {
            throw new CliException(ExitCodes.USAGE, masked(e.getMessage()));
        } catch (DatabaseException e) {
            // SQLite's write lock, which the copy takes for a consistent read, is held by another process
            String hint = StoreCopy.isBusy(e) ? "; is the bot still running on the SQLite file? stop it first" : "";
            throw new CliException(ExitCodes.INTERNAL, "copying failed, nothing was written to the target: "
                    + masked(e.getMessage()) + hint);
        }
    }

    /** Opens (or checks) one side; a refusal or a failure to open names the option. */
    private static <T> T open(String option, Supplier<T> opening) {
        try {
            return opening.get();
        } catch (DatabaseException e) {
            throw new CliException(ExitCodes.USAGE, option + ": " + masked(e.getMessage()));
        }
    }

    private static String masked(String text) {
        return text == null ? null : text.replaceAll("(?i)(password=)[^&;\\s]*", "$1****");
    }
}
