package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
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
        description = "Start the bot: post cards to Discord, or print them (preview mode) when no token is set.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BotConfig config = common.loadConfig();
        Launcher.Running running = Launcher.start(config, spec.commandLine().getOut(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: finishing polls and sends in flight, then closing the store");
            try {
                running.close();
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
