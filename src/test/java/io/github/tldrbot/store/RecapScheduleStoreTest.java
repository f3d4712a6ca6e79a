package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

class RecapScheduleStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private Database db;
    private RecapScheduleStore store;

    @BeforeEach
    void open(Database database) {
        db = database;
        store = new RecapScheduleStore(db);
    }

    @StoreTest
    void commandSchedulesAreStoredListedPerGuildAndDeletedOnlyByTheirGuild() {
        RecapSchedule weekly = store.add(1, 11, "week", "security", "09:00", "mon", "0 0 9 ? * MON", T0);
        RecapSchedule daily = store.add(2, 21, "day", null, "17:30", null, "0 30 17 * * ?", T0);
        assertThat(weekly).isEqualTo(new RecapSchedule(weekly.id(), 1L, 11, "week", "security", "09:00", "mon", "0 0 9 ? * MON",
                SubscriptionSource.COMMAND, T0, null));
        assertThat(store.listForGuild(1)).containsExactly(weekly);
        assertThat(store.delete(2, weekly.id())).as("another guild's schedule").isFalse();
        assertThat(store.delete(1, weekly.id())).isTrue();
        assertThat(store.listAll()).containsExactly(daily);
    }

    @StoreTest
    void markRunIsRemembered() {
        RecapSchedule s = store.add(1, 11, "day", null, "09:00", null, "0 0 9 * * ?", T0);
        store.markRun(s.id(), T0.plusSeconds(60));
        assertThat(store.findById(s.id()).orElseThrow().lastRunAt()).isEqualTo(T0.plusSeconds(60));
    }

    @StoreTest
    void theLatestPostedWeeklyRecapOfTheGuildIsFoundForCardLinks() {
        RecapSchedule daily = store.add(1, 11, "day", null, "09:00", null, "0 0 9 * * ?", T0);
        RecapSchedule weekly = store.add(1, 12, "week", null, "09:00", "mon", "0 0 9 ? * MON", T0);
        RecapSchedule weeklyDevs = store.add(1, 13, "week", "developers", "10:00", "fri", "0 0 10 ? * FRI", T0);
        RecapSchedule otherGuild = store.add(2, 21, "week", null, "09:00", "mon", "0 0 9 ? * MON", T0);
        assertThat(store.findLatestWeeklyRecap(1)).as("no weekly recap posted yet").isEmpty();

        store.markRun(daily.id(), T0.plusSeconds(300), 5001L);
        store.markRun(weekly.id(), T0.plusSeconds(60), 5002L);
        store.markRun(weeklyDevs.id(), T0.plusSeconds(120), 5003L);
        store.markRun(otherGuild.id(), T0.plusSeconds(180), 5004L);
        store.markRun(weekly.id(), T0.plusSeconds(90), null); // a run that posted nothing keeps the last message

        assertThat(store.findLatestWeeklyRecap(1)).contains(new PostedRecap(1, 13, 5003L));
        assertThat(store.findLatestWeeklyRecap(1).orElseThrow().link()).isEqualTo("https://discord.com/channels/1/13/5003");
        assertThat(store.findLatestWeeklyRecap(3)).isEmpty();
    }

    @StoreTest
    void configSyncKeepsSameEntriesLearnsTheGuildAndDropsStaleOnesButNeverCommandRows() {
        RecapSchedule command = store.add(1, 11, "week", null, "09:00", "mon", "0 0 9 ? * MON", T0);
        long a = store.upsertConfig(null, 11, "week", null, "0 0 8 ? * FRI", T0);
        long b = store.upsertConfig(1L, 12, "day", "developers", "0 0 7 * * ?", T0);
        assertThat(store.upsertConfig(1L, 11, "week", null, "0 0 8 ? * FRI", T0)).isEqualTo(a);
        assertThat(store.findById(a).orElseThrow().guildId()).isEqualTo(1L);
        assertThat(store.findById(a).orElseThrow().timeUtc()).isNull();
        assertThat(store.deleteConfigSchedulesNotIn(Set.of(a))).isEqualTo(1);
        assertThat(store.listAll()).extracting(RecapSchedule::id).containsExactly(command.id(), a);
        assertThat(store.findById(b)).isEmpty();
    }
}
