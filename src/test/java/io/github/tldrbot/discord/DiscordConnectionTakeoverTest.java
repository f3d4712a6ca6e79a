package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.config.DiscordConfig;
import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.testing.discord.FakeDiscord;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.sharding.DefaultShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking over a dead process's shard with the real JDA shard manager against the stand-in (SPEC §13):
 * the shard starts, its guild and channels become visible, and stopping it hides them again — also
 * when JDA's queue worker kept a finished future (the race {@link ShardQueueWorker} works around).
 */
class DiscordConnectionTakeoverTest {
    static final String TOKEN = "MTAw.takeover-token.xyz";
    static final long GUILD_A = 2L << 22 | 100;
    static final long GUILD_B = 3L << 22 | 100;
    static final long NEWS_A = 601;
    static final long NEWS_B = 701;

    private FakeDiscord discord;
    private DiscordConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.builder().token(TOKEN).botUser(10, "tldr-bot").shards(2)
                .guild(g -> g.id(GUILD_A).name("A").textChannel(NEWS_A, "news"))
                .guild(g -> g.id(GUILD_B).name("B").textChannel(NEWS_B, "news"))
                .build().start();
        connection = DiscordConnection.connect(new DiscordConfig(TOKEN, discord.apiBaseUrl(), discord.gatewayUrl(), List.of(),
                new ShardSet(2, List.of(1))), Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        connection.close();
        discord.close();
    }

    @Test
    void aTakenOverShardConnectsAndShowsItsGuildsAndStoppingItHidesThem() throws Exception {
        assertThat(connection.guildOf(NEWS_A)).isEmpty();
        assertThat(connection.start(0)).isTrue();
        assertThat(connection.guildOf(NEWS_A)).contains(GUILD_A);
        assertThat(discord.identifiedShards()).contains("0/2", "1/2");

        connection.stop(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.guildOf(NEWS_A).isEmpty());
        assertThat(connection.guildOf(NEWS_B)).contains(GUILD_B);
    }

    @Test
    void aShardStartsEvenWhenJdasQueueWorkerKeptAFinishedFuture() throws Exception {
        Field worker = DefaultShardManager.class.getDeclaredField("worker");
        worker.setAccessible(true);
        worker.set(connection.shards(), CompletableFuture.completedFuture(null)); // the state the race leaves

        assertThat(connection.start(0)).isTrue();
        assertThat(connection.guildOf(NEWS_A)).contains(GUILD_A);
    }
}
