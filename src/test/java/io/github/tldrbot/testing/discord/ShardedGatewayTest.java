package io.github.tldrbot.testing.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in shards as Discord does: IDENTIFY's {@code [id, total]} decides which guilds a session sees. */
class ShardedGatewayTest {
    /** Guilds on shard 0 and 1 of 2: (id >> 22) % 2. */
    static final long GUILD_A = 2L << 22 | 100;
    static final long GUILD_B = 3L << 22 | 100;
    static final long GUILD_C = 4L << 22 | 100;
    static final long CHANNEL_A = 501;
    static final long CHANNEL_B = 502;
    static final long CHANNEL_C = 503;

    private FakeDiscord discord;
    private final List<ShardManager> managers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        discord = FakeDiscord.builder().shards(2)
                .guild(g -> g.id(GUILD_A).name("A").textChannel(CHANNEL_A, "news"))
                .guild(g -> g.id(GUILD_B).name("B").textChannel(CHANNEL_B, "news"))
                .guild(g -> g.id(GUILD_C).name("C").textChannel(CHANNEL_C, "news"))
                .build().start();
    }

    @AfterEach
    void tearDown() {
        managers.forEach(ShardManager::shutdown);
        discord.close();
    }

    private ShardManager start(int total, int... ids) throws InterruptedException {
        ShardManager m = FakeDiscordJda.shardManager(discord, total, ids);
        managers.add(m);
        return m;
    }

    @Test
    void eachShardSessionSeesOnlyTheGuildsOfItsShard() throws Exception {
        ShardManager both = start(2, 0, 1);

        assertThat(discord.identifiedShards()).containsExactlyInAnyOrder("0/2", "1/2");
        JDA shard0 = both.getShardById(0);
        JDA shard1 = both.getShardById(1);
        assertThat(shard0.getGuilds()).extracting(Guild::getIdLong).containsExactlyInAnyOrder(GUILD_A, GUILD_C);
        assertThat(shard1.getGuilds()).extracting(Guild::getIdLong).containsExactly(GUILD_B);
        assertThat(both.getGuilds()).hasSize(3);
        assertThat(both.getTextChannelById(CHANNEL_B).getJDA()).isSameAs(shard1);
        assertThat(discord.requests()).anyMatch(r -> r.method().equals("GET") && r.path().equals("gateway/bot"));
    }

    @Test
    void aProcessWithOneShardDoesNotSeeTheOtherShardsGuilds() throws Exception {
        ShardManager one = start(2, 1);

        assertThat(discord.identifiedShards()).containsExactly("1/2");
        assertThat(one.getGuilds()).extracting(Guild::getIdLong).containsExactly(GUILD_B);
        assertThat(one.getTextChannelById(CHANNEL_A)).isNull();
        assertThat(one.getGuildById(GUILD_A)).isNull();
    }

    @Test
    void aGuildsInteractionReachesOnlyItsShardsSession() throws Exception {
        ShardManager zero = start(2, 0);
        ShardManager one = start(2, 1);
        List<String> seenBy = new CopyOnWriteArrayList<>();
        zero.addEventListener(listener("zero", seenBy));
        one.addEventListener(listener("one", seenBy));

        new Interactions(discord, GUILD_B, CHANNEL_B, "news").slash("ping").send();

        await().atMost(Duration.ofSeconds(10)).until(() -> !seenBy.isEmpty());
        Thread.sleep(300);
        assertThat(seenBy).containsExactly("one");
    }

    private static ListenerAdapter listener(String name, List<String> seenBy) {
        return new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                seenBy.add(name);
            }
        };
    }
}
