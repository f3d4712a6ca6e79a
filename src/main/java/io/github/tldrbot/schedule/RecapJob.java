package io.github.tldrbot.schedule;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.recap.RecapRequest;
import io.github.tldrbot.recap.ScheduledRecapSender;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalLong;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired by a schedule's cron trigger: reads the schedule (it may have been removed a moment ago),
 * asks the sender to post that period's recap, and records the run. A failure is logged and the
 * trigger keeps its next time; nothing is retried, the next run is the retry. With several
 * processes (SPEC §13) every process has the trigger, and only the one that runs the guild's shard
 * now posts; the others skip it without recording a run. The run is claimed in the store before it
 * is posted ({@link RecapScheduleStore#claimRun}), so a run fires once even when a shard changes
 * hands around its time (a takeover's catch-up and the old owner's trigger).
 */
@DisallowConcurrentExecution
public final class RecapJob implements Job {
    static final String SCHEDULE_ID = "scheduleId";
    /** Scheduled recaps list the top ten stories, like {@code /recap} without {@code limit}. */
    static final int LIMIT = 10;
    private static final Logger log = LoggerFactory.getLogger(RecapJob.class);

    private final RecapScheduleStore store;
    private final ScheduledRecapSender sender;
    private final Clock clock;
    private final Shards shards;

    /** A job for a process that runs every shard. */
    public RecapJob(RecapScheduleStore store, ScheduledRecapSender sender, Clock clock) {
        this(store, sender, clock, ShardSet.single());
    }

    /** @param shards this process's shards: recaps of other shards' guilds are left to their processes */
    public RecapJob(RecapScheduleStore store, ScheduledRecapSender sender, Clock clock, Shards shards) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.shards = shards;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Date scheduled = context.getScheduledFireTime();
        run(context.getMergedJobDataMap().getLong(SCHEDULE_ID), scheduled == null ? clock.instant() : scheduled.toInstant());
    }

    /** Posts the recap of schedule {@code id} now, as its run due now. */
    void run(long id) {
        run(id, clock.instant());
    }

    /** Posts the recap of schedule {@code id} now, as its run due at {@code fireTime}, unless that run was posted already. */
    void run(long id, Instant fireTime) {
        Optional<RecapSchedule> found = store.findById(id);
        if (found.isEmpty()) {
            log.debug("recap schedule gone before it fired: schedule={}", id);
            return;
        }
        RecapSchedule schedule = found.get();
        if (schedule.guildId() != null && !shards.owns(schedule.guildId())) {
            log.debug("recap left to the process of shard {}: schedule={} guild={}", shards.shardOf(schedule.guildId()), id,
                    schedule.guildId());
            return;
        }
        if (schedule.guildId() == null && !shards.ownsAll()) {
            log.info("recap skipped here: schedule={} channel={} reason=channel not on this process's shards; its guild's process posts it",
                    id, schedule.channelId());
            return;
        }
        if (schedule.guildId() == null) {
            log.warn("recap skipped: schedule={} channel={} reason=channel not visible to the bot; check the recaps: entry's channel id",
                    id, schedule.channelId());
            return;
        }
        if (!store.claimRun(id, fireTime)) {
            log.info("recap run already posted: schedule={} due={}", id, fireTime);
            return;
        }
        Instant now = clock.instant();
        try {
            RecapRequest request = new RecapRequest(schedule.guildId(), RecapPeriod.parse(schedule.period()), schedule.audience(),
                    null, null, LIMIT, now);
            OptionalLong posted = sender.send(schedule.guildId(), schedule.channelId(), request);
            store.markRun(id, now, posted.isPresent() ? posted.getAsLong() : null);
            log.info("scheduled recap posted: schedule={} guild={} channel={} period={}", id, schedule.guildId(),
                    schedule.channelId(), schedule.period());
        } catch (RuntimeException e) {
            log.warn("scheduled recap failed: schedule={} guild={} channel={} error={}", id, schedule.guildId(),
                    schedule.channelId(), e.toString(), e);
        }
    }
}
