package io.github.tldrbot.app;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigException;
import io.github.tldrbot.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the config is and whether errors show their stack trace. */
final class CommonOptions {
    static final Path DEFAULT_CONFIG = Path.of("config", "tldr-bot.yaml");

    @Option(names = "--config", paramLabel = "PATH", description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/tldr-bot.yaml")
    Path config = DEFAULT_CONFIG;

    @Option(names = "--verbose", description = "Show stack traces and debug logs.")
    boolean verbose;

    /**
     * Loads the configuration. The default path may be absent (running the jar from another
     * folder): then every key takes its documented default. A path given with --config must exist.
     */
    BotConfig loadConfig() {
        ConfigLoader loader = new ConfigLoader(DefaultAudiences.list());
        try {
            if (config.equals(DEFAULT_CONFIG) && !Files.exists(config)) {
                return loader.parse("", "built-in defaults");
            }
            return loader.load(config);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
