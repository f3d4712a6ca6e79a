package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.store.DatabaseException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}: starts the bot and blocks until the process is asked to stop (Ctrl-C / SIGTERM),
 * then stops the scheduler, lets the polls in flight finish and closes the store.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the bot (preview mode, printing cards, when no Discord token is set).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BotConfig config = common.loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        if (config.discord().hasToken()) {
            log.warn("a Discord token is set, but posting to Discord is not available in this version yet; "
                    + "running in preview mode: cards are printed to standard output");
        } else {
            log.info("preview mode: no Discord token set, so cards are printed here instead of posted; "
                    + "set the DISCORD_TOKEN environment variable (discord.token) to post to Discord");
        }
        Wiring.Bot bot;
        try {
            bot = new Wiring(config, Clock.systemUTC()).bot(new PreviewCardPrinter(out));
        } catch (DatabaseException e) {
            throw new CliException(ExitCodes.USAGE, "cannot open the store (" + config.storage().jdbcUrl() + "): " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("stopping: waiting for polls in flight, then closing the store");
            bot.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int feeds = bot.feeds().listAll().size();
        log.info("tldr-bot started: feeds={} dispatchEvery={} store={}", feeds, config.polling().dispatchEvery(), config.storage().jdbcUrl());
        if (feeds == 0) {
            log.info("no feeds configured: add entries under feeds: in {}", common.config);
        }
        bot.start();
        stopped.await();
        return ExitCodes.OK;
    }
}
