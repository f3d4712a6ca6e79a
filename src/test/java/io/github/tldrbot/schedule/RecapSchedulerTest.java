package io.github.tldrbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.recap.ScheduledRecapSender;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers built from the store fire the sender, follow live changes, survive a restart and catch up within an hour. */
class RecapSchedulerTest {
    record Sent(long guildId, long channelId, RecapRequest request) {
    }

    @TempDir
    Path dir;
    private Database db;
    private RecapScheduleStore store;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final ScheduledRecapSender sender = (guild, channel, request) -> {
        sent.add(new Sent(guild, channel, request));
        return java.util.OptionalLong.of(9000L + sent.size());
    };
    private final Clock clock = Clock.systemUTC();
    private RecapScheduler scheduler;

    @BeforeEach
    void open() {
        db = new Database("jdbc:sqlite:" + dir.resolve("recaps.db"));
        store = new RecapScheduleStore(db);
    }

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        db.close();
    }

    private RecapScheduler startScheduler() {
        scheduler = new RecapScheduler(store, new RecapJob(store, sender, clock), clock);
        scheduler.start();
        return scheduler;
    }

    private long sentTo(long channel) {
        return sent.stream().filter(s -> s.channelId() == channel).count();
    }

    @Test
    void aStoredScheduleFiresWithItsRequestAndFiresAgainAfterARestart() {
        long id = store.upsertConfig(7L, 70, "week", "security", "*/1 * * * * ?", clock.instant());
        startScheduler();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(70) >= 1);
        Sent first = sent.get(0);
        assertThat(first.guildId()).isEqualTo(7);
        assertThat(first.request().guildId()).isEqualTo(7);
        assertThat(first.request().period()).isEqualTo(RecapPeriod.WEEK);
        assertThat(first.request().audience()).isEqualTo("security");
        assertThat(first.request().topic()).isNull();
        assertThat(first.request().feedId()).isNull();
        assertThat(first.request().limit()).isEqualTo(10);
        assertThat(store.findById(id).orElseThrow().lastRunAt()).isNotNull();
        assertThat(store.findLatestWeeklyRecap(7)).as("the posted message is kept for the cards' recap link")
                .hasValueSatisfying(posted -> assertThat(posted.channelId()).isEqualTo(70));

        scheduler.close();
        db.close();
        sent.clear();
        db = new Database("jdbc:sqlite:" + dir.resolve("recaps.db"));
        store = new RecapScheduleStore(db);
        startScheduler();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(70) >= 1);
    }

    @Test
    void commandsAddAndRemoveTriggersLive() throws Exception {
        startScheduler();
        RecapSchedule s = store.add(7, 71, "day", null, "09:00", null, "*/1 * * * * ?", clock.instant());
        scheduler.added(s);
        assertThat(scheduler.nextRun(s.id())).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(71) >= 1);
        store.delete(7, s.id());
        scheduler.removed(s.id());
        assertThat(scheduler.nextRun(s.id())).isEmpty();
        Thread.sleep(300); // a fire already in flight may finish
        long after = sentTo(71);
        Thread.sleep(2500);
        assertThat(sentTo(71)).isEqualTo(after);
    }

    @Test
    void aRunMissedWithinTheLastHourIsPostedOnceAtStartAndAnOlderOneIsSkipped() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime halfHourAgo = now.minusMinutes(30);
        ZonedDateTime twoHoursAgo = now.minusHours(2);
        Instant longAgo = now.minusDays(3).toInstant();
        // daily schedules whose time of day was 30 minutes ago and 2 hours ago, made days ago, never run
        long recent = insertedLongAgo(80, "0 %d %d * * ?".formatted(halfHourAgo.getMinute(), halfHourAgo.getHour()), longAgo);
        insertedLongAgo(81, "0 %d %d * * ?".formatted(twoHoursAgo.getMinute(), twoHoursAgo.getHour()), longAgo);
        // one that ran after its last fire time: nothing to catch up
        long done = insertedLongAgo(82, "0 %d %d * * ?".formatted(halfHourAgo.getMinute(), halfHourAgo.getHour()), longAgo);
        store.markRun(done, halfHourAgo.plusSeconds(5).toInstant());

        startScheduler();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(80) >= 1);
        Thread.sleep(2000);
        assertThat(sentTo(80)).isEqualTo(1);
        assertThat(sentTo(81)).isZero();
        assertThat(sentTo(82)).isZero();
        assertThat(store.findById(recent).orElseThrow().lastRunAt()).isNotNull();
        assertThat(scheduler.nextRun(recent)).hasValueSatisfying(next -> assertThat(next).isAfter(now.toInstant().plus(Duration.ofHours(23))));
    }

    private long insertedLongAgo(long channel, String cron, Instant createdAt) {
        return store.upsertConfig(7L, channel, "day", null, cron, createdAt);
    }
}
