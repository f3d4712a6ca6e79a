package io.github.tldrbot.app;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.delivery.Publisher;
import io.github.tldrbot.delivery.SendResult;
import io.github.tldrbot.schedule.PollCycleSummary;
import io.github.tldrbot.store.SubscriptionSource;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * The bot as {@code run} builds it in Discord mode ({@link Wiring#discordBot}: production fetcher,
 * parser, language detection, stories, summarizer, full-text reader, SQLite store, dispatcher and
 * the outbox sink), with a publisher that does nothing, for poll-cost benchmarks. Polling and
 * delivery are not started: the benchmark runs dispatch cycles itself ({@link #pollOnce}) and
 * deliveries stay in the outbox (delivery has its own benchmark).
 */
public final class PollBenchBot implements AutoCloseable {
    private final Bot bot;
    private final Clock clock;

    private PollBenchBot(Bot bot, Clock clock) {
        this.bot = bot;
        this.clock = clock;
    }

    /** The shipped defaults, except what the farm needs: loopback feeds, an hourly max interval. */
    public static PollBenchBot open(Path dbFile, Clock clock) {
        return open("jdbc:sqlite:" + dbFile, "", "", clock);
    }

    /** The same on any store: a SQLite file or a PostgreSQL database. */
    public static PollBenchBot open(String jdbcUrl, String username, String password, Clock clock) {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("""
                storage: {jdbcUrl: "%s", username: "%s", password: "%s"}
                fetch: {timeout: 15s, maxConcurrent: 32, perHostConcurrent: 2, allowPrivateNetworks: true}
                polling: {dispatchEvery: 30s, defaultInterval: 15m, minInterval: 2m, maxInterval: 1h, maxArticleAge: 3d, maxPostsPerPoll: 5}
                feeds: []
                """.formatted(jdbcUrl, username, password), "poll-bench");
        return new PollBenchBot(new Wiring(config, clock).discordBot(new NoOpPublisher(), channel -> Optional.of(1L)), clock);
    }

    /** Adds the feed with one subscription (as {@code /feed add} makes it) in channel {@code channelId} of guild {@code guildId}. */
    public void subscribe(String url, long guildId, long channelId) {
        Stores s = bot.stores();
        long feedId = s.feeds.add(url, clock.instant(), java.time.Duration.ofMinutes(15));
        s.subscriptions.upsert(feedId, channelId, guildId, null, null, null, SubscriptionSource.COMMAND, clock.instant());
    }

    public PollCycleSummary pollOnce() {
        return bot.pollOnce();
    }

    /** {@code SELECT COUNT(*) FROM <table>}, for the benchmark's report. */
    public long count(String table) {
        return bot.stores().database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        bot.close();
    }

    /** Accepts every message and posts nothing. */
    private static final class NoOpPublisher implements Publisher {
        @Override
        public SendResult send(OutgoingMessage message) {
            return new SendResult.Sent("0");
        }

        @Override
        public SendResult edit(long channelId, String messageId, OutgoingMessage message) {
            return new SendResult.Sent(messageId);
        }

        @Override
        public Optional<String> findRecentMessage(long channelId, String articleLink) {
            return Optional.empty();
        }

        @Override
        public boolean announce(long guildId, long preferredChannelId, String text) {
            return true;
        }

        @Override
        public Optional<Long> guildOf(long channelId) {
            return Optional.of(1L);
        }
    }
}
