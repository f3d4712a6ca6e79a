package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.usecase.ExportOpml;
import io.github.tldrbot.usecase.UseCases;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export-opml [--guild ID]}: writes the subscriptions (one guild's, or all) to standard
 * output as OPML 2.0, one category per channel. Channels are named by id: the CLI does not connect
 * to Discord ({@code /feed export} names them).
 */
@Command(name = "export-opml", mixinStandardHelpOptions = true,
        description = "Write the subscriptions (of one server with --guild, else all) as OPML 2.0 to standard output.")
final class ExportOpmlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--guild", paramLabel = "ID", description = "Only this Discord server's subscriptions.")
    String guild;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Long> guildId = guild == null ? Optional.empty() : Optional.of(CliIds.snowflake("--guild", guild));
        BotConfig config = common.loadConfig();
        try (Database database = CliIds.openStore(config)) {
            UseCases cases = UseCases.of(config, database, RecapScheduleChanges.NONE, Clock.systemUTC());
            ExportOpml.Export export = cases.exportOpml().run(guildId, id -> "channel " + id);
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(export.opml(), StandardCharsets.UTF_8));
            out.flush();
            if (export.entries() == 0) {
                spec.commandLine().getErr().println("note: no subscriptions" + guildId.map(g -> " in server " + g).orElse("")
                        + "; the OPML file is empty");
            }
            return ExitCodes.OK;
        }
    }
}
