package io.github.tldrbot.discord.commands;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.delivery.TestPosts;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.RecapStore;
import io.github.tldrbot.usecase.UseCases;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.testing.discord.BotOverwrite;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import io.github.tldrbot.testing.discord.Interactions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;

/**
 * The {@code /feed} command wired as {@code Launcher.startCommands} wires it — real JDA, real
 * fetcher and parser, real SQLite — against the Discord stand-in, with a config the test chooses.
 */
final class FeedCommandFixture implements AutoCloseable {
    static final long GUILD = 100;
    static final long GENERAL = 201;
    static final long OTHER = 202;
    static final long MUTED = 203;
    /** An announcement channel. */
    static final long ANNOUNCE = 204;
    /** A forum channel. */
    static final long FORUM = 205;
    /** A text channel where the bot may also make webhooks and start threads. */
    static final long HOOKS = 206;
    static final long OTHER_GUILD = 500;
    static final long OTHER_GUILD_CHANNEL = 501;

    final FakeDiscord discord;
    final JDA jda;
    final BotConfig config;
    final Database database;
    final FeedStore feeds;
    final ArticleStore articles;
    final SubscriptionStore subscriptions;
    final DeliveryStore deliveries;
    final CardStore cards;
    final HttpFeedFetcher fetcher;
    final FeedParser parser = new FeedParser();
    final ExtractiveSummarizer summarizer;
    final CommandServices services;
    final CommandRouter router;
    final Interactions ui;
    final Interactions otherGuildUi;
    /** {@code /feed test}'s publisher: the production JdaPublisher on a shard manager, connected at its first send. */
    final ShardPublisher publisher;

    /**
     * @param extraYaml top-level config sections, e.g. {@code limits: {feedsPerGuild: 1}}
     */
    FeedCommandFixture(Path dir, boolean allowPrivateNetworks, String extraYaml) throws Exception {
        this(dir, allowPrivateNetworks, extraYaml, UnaryOperator.identity());
    }

    /** @param fetching wraps the real fetcher the commands use (e.g. to map a platform's host to a local server) */
    FeedCommandFixture(Path dir, boolean allowPrivateNetworks, String extraYaml, UnaryOperator<FeedFetcher> fetching)
            throws Exception {
        config = new ConfigLoader(DefaultAudiences.list()).parse("""
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: %s, timeout: 3s}
                polling: {dispatchEvery: 1s, minInterval: 1s, defaultInterval: 1s, maxInterval: 1s}
                %s
                """.formatted(dir.resolve("bot.db"), allowPrivateNetworks, extraYaml), "feed-command-test");
        discord = FakeDiscord.builder().token("MTAw.stand-in.xyz").botUser(10, "tldr-bot")
                .guild(g -> g.id(GUILD).name("News").textChannel(GENERAL, "general").textChannel(OTHER, "other")
                        .textChannel(MUTED, "muted", FakeDiscord.denyBotPermissions(Permission.MESSAGE_SEND))
                        .announcementChannel(ANNOUNCE, "announcements").forumChannel(FORUM, "stories", List.of())
                        .textChannel(HOOKS, "hooks", BotOverwrite.allow(Permission.MANAGE_WEBHOOKS, Permission.CREATE_PUBLIC_THREADS)))
                .guild(g -> g.id(OTHER_GUILD).name("Elsewhere").textChannel(OTHER_GUILD_CHANNEL, "elsewhere"))
                .build().start();
        jda = FakeDiscordJda.connect(discord);
        database = Database.open(config.storage());
        feeds = new FeedStore(database);
        articles = new ArticleStore(database);
        subscriptions = new SubscriptionStore(database);
        deliveries = new DeliveryStore(database);
        cards = new CardStore(database);
        fetcher = new HttpFeedFetcher(config.fetch());
        summarizer = new ExtractiveSummarizer(new AudienceClassifier(config.audiences()));
        publisher = new ShardPublisher(discord, config, database);
        services = new CommandServices(config, UseCases.of(config, database, RecapScheduleChanges.NONE, Clock.systemUTC()), feeds, subscriptions, deliveries,
                new RecapStore(database), new RecapScheduleStore(database), fetching.apply(fetcher), parser, summarizer,
                new CardEmbeds(config.audiences()), Clock.systemUTC(), new ModeratorPauseStore(database),
                new TestPosts(new PostHistoryStore(database), cards, feeds, summarizer, publisher));
        CommandCatalog catalog = new CommandCatalog(services);
        router = new CommandRouter(catalog.commands(), catalog.buttons());
        jda.addEventListener(router);
        CommandRegistrar.register(jda, catalog.commands(), List.of());
        ui = new Interactions(discord, GUILD, GENERAL, "general");
        otherGuildUi = new Interactions(discord, OTHER_GUILD, OTHER_GUILD_CHANNEL, "elsewhere");
    }

    /** Runs a {@code /feed} subcommand as a moderator and returns the reply, asserting nothing. */
    Interactions.Builder feed(String sub) {
        return ui.slash("feed").sub(sub).moderator();
    }

    @Override
    public void close() throws Exception {
        router.close();
        publisher.close();
        jda.shutdown();
        jda.awaitShutdown(Duration.ofSeconds(5));
        fetcher.close();
        database.close();
        discord.close();
    }
}
