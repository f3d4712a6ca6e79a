package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.EffectiveConfigRenderer;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.delivery.SubscriptionFilter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check-config}: validates the configuration and prints the effective settings, secrets masked. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the configuration and print the effective settings (secrets masked).")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BotConfig config = common.loadConfig();
        for (int i = 0; i < config.feeds().size(); i++) {
            FeedEntryConfig f = config.feeds().get(i);
            try {
                SubscriptionFilter.parse(f.audience(), f.include(), f.exclude());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, "feeds[" + i + "]." + e.getMessage());
            }
        }
        spec.commandLine().getOut().print(new EffectiveConfigRenderer().render(config));
        spec.commandLine().getOut().println("# configuration OK" + (config.discord().hasToken() ? "" : " (no Discord token: the bot runs in preview mode)"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
