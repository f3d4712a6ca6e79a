package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlException;
import io.github.tldrbot.opml.OpmlReader;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.usecase.ImportOpml;
import io.github.tldrbot.usecase.ImportReport;
import io.github.tldrbot.usecase.UseCases;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-opml FILE --channel ID}: subscribes a channel to every feed of an OPML file through
 * {@link ImportOpml}, the use case {@code /feed import} runs, and prints one line per entry. No
 * Discord connection is needed: the channel's guild is taken from its earlier subscriptions or
 * recorded when the bot first posts there, as for the config's {@code feeds:}. New feeds are due at
 * once; a running bot seeds them at its next dispatch (first poll: stored, nothing posted).
 */
@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = {"Subscribe a Discord channel to every feed of an OPML file (each seeded by its first poll: nothing old is posted).",
                "Prints one line per feed entry and a summary; per-entry problems do not change the exit code."})
final class ImportOpmlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The OPML file (OPML 1.0 or 2.0, as feed readers export it).")
    Path file;

    @Option(names = "--channel", required = true, paramLabel = "ID", description = "The Discord channel id that gets the cards.")
    String channel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long channelId = CliIds.snowflake("--channel", channel);
        BotConfig config = common.loadConfig();
        List<OpmlEntry> entries = read(file);
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = CliIds.openStore(config);
             HttpFeedFetcher fetcher = new HttpFeedFetcher(config.fetch())) {
            UseCases cases = UseCases.of(config, database, RecapScheduleChanges.NONE, Clock.systemUTC());
            ImportReport report = cases.importOpml().run(new ImportOpml.Request(null, channelId, "channel " + channelId, entries),
                    new PlatformUrls(fetcher));
            out.print(report.text());
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static List<OpmlEntry> read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > OpmlReader.MAX_BYTES) {
                throw new CliException(ExitCodes.NOT_A_FEED, "not an OPML file: " + file + " is over the "
                        + OpmlReader.MAX_BYTES / 1024 / 1024 + " MB an import accepts; split it into smaller files");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": no such file; give the path of an OPML file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return new OpmlReader().read(bytes);
        } catch (OpmlException e) {
            throw new CliException(ExitCodes.NOT_A_FEED, file + ": " + e.getMessage());
        }
    }
}
