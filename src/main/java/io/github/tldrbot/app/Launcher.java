package io.github.tldrbot.app;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigException;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.discord.ChannelRecapSender;
import io.github.tldrbot.discord.RecapMessages;
import io.github.tldrbot.recap.RecapService;
import io.github.tldrbot.store.RecapStore;
import io.github.tldrbot.discord.DiscordConnection;
import io.github.tldrbot.discord.DiscordStartException;
import io.github.tldrbot.delivery.Publisher;
import io.github.tldrbot.delivery.TestPosts;
import io.github.tldrbot.discord.JdaPublisher;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.discord.commands.CommandCatalog;
import io.github.tldrbot.discord.commands.CommandRegistrar;
import io.github.tldrbot.discord.commands.CommandRouter;
import io.github.tldrbot.discord.commands.CommandServices;
import io.github.tldrbot.schedule.RecapJob;
import io.github.tldrbot.schedule.RecapScheduler;
import io.github.tldrbot.store.ChannelWebhookStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DatabaseException;
import io.github.tldrbot.cluster.ShardConflictException;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import io.github.tldrbot.observe.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole bot from a configuration, in Discord mode when a token is set and in preview
 * mode otherwise. {@code run} uses it, and so do the end-to-end tests, so they exercise exactly
 * what operators run.
 */
final class Launcher {
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** One send may wait this long, JDA's rate-limit queue included. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private Launcher() {
    }

    /** A started bot; closing it stops polling, finishes or abandons sends, disconnects and closes the store. */
    record Running(Bot bot, DiscordConnection discord) implements AutoCloseable {
        boolean discordMode() {
            return discord != null;
        }

        @Override
        public void close() {
            try {
                bot.close();
            } finally {
                if (discord != null) {
                    discord.close();
                }
            }
        }
    }

    /**
     * @param out where preview mode prints cards
     * @throws CliException with exit code 2 for a rejected token, an unreachable gateway, an
     *                      unusable store, a shard another live process runs, or a bad filter in the config
     */
    static Running start(BotConfig config, PrintWriter out, Clock clock) throws InterruptedException {
        Wiring wiring = new Wiring(config, clock);
        DiscordConnection discord = null;
        Database database = null;
        Cluster cluster = null;
        Bot bot;
        String mode;
        Optional<BotMetrics> metrics = config.server().enabled() ? Optional.of(new BotMetrics()) : Optional.empty();
        try {
            if (config.discord().hasToken()) {
                database = Database.open(config.storage());
                cluster = new Cluster(config.discord().shards(), database, clock);
                if (cluster.pollOnly()) {
                    bot = wiring.pollOnlyBot(database, cluster.role());
                    mode = "poll-only";
                } else {
                    cluster.acquireShards();
                    discord = DiscordConnection.connect(config.discord(), READY_TIMEOUT,
                            metrics.<Runnable>map(m -> m::rateLimited).orElse(() -> { }));
                    cluster.shardsStarted();
                    JdaPublisher publisher = new JdaPublisher(discord.shards(), new CardEmbeds(config.audiences())::build, SEND_TIMEOUT,
                            new ChannelWebhookStore(database));
                    bot = wiring.discordBot(publisher, discord::guildOf, database, cluster.role());
                    RecapScheduler recaps = startCommands(config, discord, bot, wiring, cluster, publisher, clock);
                    cluster.takeOverWith(discord, bot, recaps);
                    mode = "discord";
                }
                cluster.startWork();
            } else {
                log.info("preview mode: no Discord token set, so cards are printed here instead of posted; "
                        + "set the DISCORD_TOKEN environment variable (discord.token) to post to Discord");
                bot = wiring.previewBot(new PreviewCardPrinter(out));
                mode = "preview";
            }
        } catch (DiscordStartException | ShardConflictException e) {
            closeQuietly(discord, cluster, database);
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (DatabaseException e) {
            closeQuietly(discord, cluster, database);
            throw new CliException(ExitCodes.USAGE, "cannot open the store (" + config.storage().jdbcUrl() + "): " + e.getMessage());
        } catch (ConfigException e) {
            closeQuietly(discord, cluster, database);
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(discord, cluster, database);
            throw e;
        }
        if (metrics.isPresent()) {
            try {
                Observability.serve(config.server(), bot, metrics.get(), discord,
                        cluster != null ? cluster.shards() : config.discord().shards());
            } catch (RuntimeException e) {
                new Running(bot, discord).close();
                throw e;
            }
        }
        int feeds = bot.stores().feeds.listAll().size();
        log.info("tldr-bot started: mode={} feeds={} dispatchEvery={} store={}", mode,
                feeds, config.polling().dispatchEvery().toMillis() + "ms", config.storage().jdbcUrl());
        if (feeds == 0) {
            log.info("no feeds configured: add entries under feeds: in the config file");
        }
        bot.start();
        return new Running(bot, discord);
    }

    /** Slash commands: the router listens before the commands are registered, so no interaction is missed. */
    private static RecapScheduler startCommands(BotConfig config, DiscordConnection discord, Bot bot, Wiring wiring,
                                                Cluster cluster, Publisher publisher, Clock clock) {
        Stores s = bot.stores();
        RecapScheduler recaps = startRecapScheduler(config, discord, bot, wiring, cluster, clock);
        CommandServices services = new CommandServices(config, wiring.useCases(s, recaps), s.feeds, s.subscriptions,
                s.deliveries, new RecapStore(s.database), s.recapSchedules, bot.fetcher(), bot.parser(), bot.summarizer(),
                new CardEmbeds(config.audiences()), clock, new ModeratorPauseStore(s.database),
                new TestPosts(new PostHistoryStore(s.database), s.cards, s.feeds, bot.summarizer(), publisher));
        CommandCatalog catalog = new CommandCatalog(services);
        CommandRouter router = new CommandRouter(catalog.commands(), catalog.buttons());
        bot.closeFirst(router);
        bot.closeFirst(() -> discord.shards().removeEventListener(router));
        discord.shards().addEventListener(router);
        CommandRegistrar.register(discord.shards(), discord.shardSet(), catalog.commands(), config.discord().commandGuilds());
        return recaps;
    }

    /**
     * Scheduled recaps (SPEC §8.2): the config's {@code recaps:} entries are synced into the store,
     * every stored schedule gets its trigger, and the scheduler stops before the store closes.
     */
    private static RecapScheduler startRecapScheduler(BotConfig config, DiscordConnection discord, Bot bot, Wiring wiring,
                                                      Cluster cluster, Clock clock) {
        RecapScheduleStore schedules = bot.stores().recapSchedules;
        wiring.useCases(bot.stores(), RecapScheduleChanges.NONE).syncConfigRecaps().run(config.recaps(), discord::guildOf);
        RecapMessages messages = new RecapMessages(new RecapService(new RecapStore(bot.stores().database), config.audiences()));
        RecapScheduler scheduler = new RecapScheduler(schedules,
                new RecapJob(schedules, new ChannelRecapSender(discord.shards(), messages::firstPage, SEND_TIMEOUT), clock,
                        cluster.shards()), clock);
        bot.closeFirst(scheduler);
        scheduler.start();
        return scheduler;
    }

    /** After a failed start: closes what was opened, in this order (the bot, when built, closes its own parts). */
    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                log.debug("closing after a failed start: {}", e.toString());
            }
        }
    }
}
