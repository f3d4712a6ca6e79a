package io.github.tldrbot.app;

import io.github.tldrbot.config.BuildInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of SPEC §2: {@code run} (default), {@code preview}, {@code check-config},
 * {@code migrate-store}, {@code import-opml}, {@code export-opml}. Every
 * failure reaches the user as one {@code error:} line with the documented exit code; the stack
 * trace only with {@code --verbose}.
 */
@Command(name = "tldr-bot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hosted Discord news bot: RSS/Atom feeds turned into TL;DR cards.",
        subcommands = {RunCommand.class, PreviewCommand.class, CheckConfigCommand.class, MigrateStoreCommand.class,
                ImportOpmlCommand.class, ExportOpmlCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, System.getenv(), args);
    }

    /** Likewise, with the environment a command reads its secrets from ({@code migrate-store}'s password). */
    static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Main(), new EnvFactory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, params) -> {
            PrintWriter errOut = ex.getCommandLine().getErr();
            errOut.println("error: " + firstLine(ex.getMessage()) + " (see --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter errOut = commandLine.getErr();
            boolean verbose = List.of(parseResult.originalArgs().toArray(new String[0])).contains("--verbose");
            if (ex instanceof CliException c) {
                errOut.println("error: " + firstLine(c.getMessage()));
                if (verbose) {
                    ex.printStackTrace(errOut);
                }
                return c.exitCode();
            }
            errOut.println("error: unexpected failure: " + firstLine(String.valueOf(ex.getMessage()))
                    + (verbose ? "" : " (run again with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(errOut);
            }
            return ExitCodes.INTERNAL;
        });
        return cli.execute(withDefaultCommand(args));
    }

    /** {@code run} is the default command: no arguments, or options only, mean {@code run}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            return args;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return args;
            }
        }
        List<String> out = new ArrayList<>();
        out.add("run");
        out.addAll(List.of(args));
        return out.toArray(new String[0]);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    /** Hands the environment to the commands that read one; every other class is made as picocli would. */
    private record EnvFactory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == MigrateStoreCommand.class) {
                return type.cast(new MigrateStoreCommand(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tldr-bot " + BuildInfo.load().version()};
        }
    }
}
