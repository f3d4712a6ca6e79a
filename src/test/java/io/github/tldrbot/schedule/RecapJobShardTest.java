package io.github.tldrbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.recap.ScheduledRecapSender;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapScheduleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every process has every recap trigger; only the one running the guild's shard posts (SPEC §13). */
class RecapJobShardTest {
    static final long GUILD_0 = 2L << 22 | 9;
    static final long GUILD_1 = 3L << 22 | 9;

    @TempDir
    Path dir;
    private Database db;
    private RecapScheduleStore store;
    private final List<Long> postedIn = new CopyOnWriteArrayList<>();
    private final ScheduledRecapSender sender = (guild, channel, request) -> {
        postedIn.add(guild);
        return OptionalLong.of(1);
    };
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        db = new Database("jdbc:sqlite:" + dir.resolve("recaps.db"));
        store = new RecapScheduleStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRecapIsPostedOnlyByTheProcessOfItsGuildsShard() {
        long mine = store.upsertConfig(GUILD_0, 70, "week", null, "0 0 9 ? * MON", clock.instant());
        long theirs = store.upsertConfig(GUILD_1, 71, "week", null, "0 0 9 ? * MON", clock.instant());
        long unresolved = store.upsertConfig(null, 72, "week", null, "0 0 9 ? * MON", clock.instant());
        RecapJob shard0 = new RecapJob(store, sender, clock, new ShardSet(2, List.of(0)));

        shard0.run(mine);
        shard0.run(theirs);
        shard0.run(unresolved);

        assertThat(postedIn).containsExactly(GUILD_0);
        assertThat(store.findById(mine).orElseThrow().lastRunAt()).isNotNull();
        assertThat(store.findById(theirs).orElseThrow().lastRunAt()).as("left to the other process, no run recorded").isNull();

        new RecapJob(store, sender, clock, new ShardSet(2, List.of(1))).run(theirs);
        assertThat(postedIn).containsExactly(GUILD_0, GUILD_1);
    }
}
