package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.delivery.Publisher;
import io.github.tldrbot.delivery.SendResult;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.discord.JdaPublisher;
import io.github.tldrbot.store.ChannelWebhookStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.testing.discord.FakeDiscord;
import io.github.tldrbot.testing.discord.FakeDiscordJda;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The production {@link JdaPublisher} against the Discord stand-in, on its own one-shard manager
 * (the publisher looks channels up through a shard manager; the command fixture's JDA is a single
 * client). Connected at the first call, so the many command tests that post nothing pay nothing.
 */
final class ShardPublisher implements Publisher, AutoCloseable {
    private final FakeDiscord discord;
    private final BotConfig config;
    private final Database database;
    private ShardManager shards;
    private JdaPublisher publisher;

    ShardPublisher(FakeDiscord discord, BotConfig config, Database database) {
        this.discord = discord;
        this.config = config;
        this.database = database;
    }

    private synchronized Publisher publisher() {
        if (publisher == null) {
            try {
                shards = FakeDiscordJda.shardManager(discord, 1, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            publisher = new JdaPublisher(shards, new CardEmbeds(config.audiences())::build, Duration.ofSeconds(10),
                    new ChannelWebhookStore(database));
        }
        return publisher;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return publisher().send(message);
    }

    @Override
    public SendResult edit(long channelId, String messageId, OutgoingMessage message) {
        return publisher().edit(channelId, messageId, message);
    }

    @Override
    public Optional<String> findRecentMessage(long channelId, String articleLink) {
        return publisher().findRecentMessage(channelId, articleLink);
    }

    @Override
    public Optional<Long> guildOf(long channelId) {
        return publisher().guildOf(channelId);
    }

    @Override
    public boolean announce(long guildId, long preferredChannelId, String text) {
        return publisher().announce(guildId, preferredChannelId, text);
    }

    @Override
    public synchronized void close() {
        if (shards != null) {
            shards.shutdown();
        }
    }
}
