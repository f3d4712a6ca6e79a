package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.feed.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox hands a process only the rows of its shards' guilds (SPEC §13), in SQL: (guild_id >> 22) % total. */
class DeliveryShardFilterTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    /** Real-sized snowflakes; shards of 4 worked out by hand: (id >> 22) % 4. */
    private static final long GUILD_ON_2_OF_4 = 197038439483310086L;
    private static final long GUILD_ON_0_OF_4 = 4L << 22 | 77;
    private static final long GUILD_ON_3_OF_4 = (1L << 40 | 3) << 22 | 5;

    @TempDir
    Path dir;
    private Database db;
    private SubscriptionStore subscriptions;
    private DeliveryStore all;
    private long feed;
    private long article;

    @BeforeEach
    void open() {
        db = new Database("jdbc:sqlite:" + dir.resolve("shards.db"));
        subscriptions = new SubscriptionStore(db);
        all = new DeliveryStore(db);
        feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
        Article a = ArticleStoreTest.article("x", T0);
        article = new ArticleStore(db).insertIfNew(feed, List.of(a), T0).get(0).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void enqueue(long channel, Long guild) {
        long id = subscriptions.upsert(feed, channel, guild, null, null, null, SubscriptionSource.COMMAND, T0);
        all.enqueue(subscriptions.findById(id).orElseThrow(), article, T0);
    }

    private List<Long> due(int total, Integer... ids) {
        return new DeliveryStore(db, new ShardSet(total, List.of(ids))).listChannelsWithDue(T0);
    }

    @Test
    void eachProcessSeesTheRowsOfItsShardsGuildsAndOfUnknownGuilds() {
        assertThat((GUILD_ON_3_OF_4 >> 22) % 4).isEqualTo(3);
        enqueue(100, GUILD_ON_0_OF_4);
        enqueue(200, GUILD_ON_2_OF_4);
        enqueue(300, GUILD_ON_3_OF_4);
        enqueue(400, null);

        assertThat(due(4, 0)).containsExactly(100L, 400L);
        assertThat(due(4, 2, 3)).containsExactly(200L, 300L, 400L);
        assertThat(due(4, 1)).containsExactly(400L);
        assertThat(due(4, 0, 1, 2, 3)).containsExactly(100L, 200L, 300L, 400L);
        assertThat(all.listChannelsWithDue(T0)).containsExactly(100L, 200L, 300L, 400L);
        assertThat(new DeliveryStore(db, new ShardSet(4, List.of(1))).claimNext(200, T0)).isEmpty();
        assertThat(new DeliveryStore(db, new ShardSet(4, List.of(2))).claimNext(200, T0)).isPresent();
    }

    @Test
    void interruptedSendsAreSettledOnlyByTheirOwnShardsProcess() {
        enqueue(100, GUILD_ON_0_OF_4);
        enqueue(200, GUILD_ON_2_OF_4);
        all.claimNext(100, T0);
        all.claimNext(200, T0);

        assertThat(new DeliveryStore(db, new ShardSet(4, List.of(0))).listSending(T0)).extracting(Delivery::channelId).containsExactly(100L);
        assertThat(new DeliveryStore(db, new ShardSet(4, List.of(2))).listSending(T0)).extracting(Delivery::channelId).containsExactly(200L);
        assertThat(all.listSending(T0)).hasSize(2);
    }

    @Test
    void anUnclaimedRowIsPendingAgainWithItsAttemptNotCounted() {
        enqueue(400, null);
        Delivery claimed = all.claimNext(400, T0).orElseThrow();
        assertThat(claimed.attempts()).isEqualTo(1);

        all.unclaim(claimed.id());

        Delivery back = all.findById(claimed.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(back.attempts()).isZero();
        assertThat(all.listChannelsWithDue(T0)).containsExactly(400L);
    }
}
