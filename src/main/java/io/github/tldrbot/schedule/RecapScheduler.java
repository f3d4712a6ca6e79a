package io.github.tldrbot.schedule;

import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import io.github.tldrbot.config.Shards;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled recaps (SPEC §8.2): one Quartz cron trigger (UTC) per row of
 * {@code recap_schedules}. Quartz keeps triggers in memory (RAMJobStore), so they are rebuilt from
 * the store at every {@link #start}, commands add or remove them live ({@link RecapScheduleChanges}),
 * and with several processes (SPEC §13) {@link #reconcile} picks up what another process changed;
 * {@link RecapJob} claims each run in the store, so it is posted once.
 *
 * <p>Missed runs: a run missed by less than {@link #CATCH_UP_WINDOW} is posted once, as soon as
 * possible; an older one is skipped and the schedule waits for its next time. While running, this
 * is Quartz's misfire threshold (one hour) with "do nothing" as the misfire instruction (a trigger
 * late by less than the threshold simply fires late; a later one skips to its next time). Across a
 * restart Quartz knows nothing of the past, so {@link #start} looks for the schedule's latest fire
 * time within the last hour (and after its last recorded run) and, when there is one, starts the
 * trigger at that time, which Quartz then fires at once.
 */
public final class RecapScheduler implements RecapScheduleChanges, AutoCloseable {
    public static final Duration CATCH_UP_WINDOW = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(RecapScheduler.class);
    private static final String GROUP = "recaps";

    private final RecapScheduleStore store;
    private final Clock clock;
    private final Scheduler quartz;

    public RecapScheduler(RecapScheduleStore store, RecapJob job, Clock clock) {
        this.store = store;
        this.clock = clock;
        try {
            this.quartz = new StdSchedulerFactory(QuartzProperties.inMemory("recap", CATCH_UP_WINDOW)).getScheduler();
            quartz.setJobFactory(new ConstructedJobFactory(Map.of(RecapJob.class, job)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the recap scheduler: " + e.getMessage(), e);
        }
    }

    /** Rebuilds a trigger for every stored schedule, catching up runs missed within the last hour, and starts firing. */
    public void start() {
        int scheduled = 0;
        for (RecapSchedule schedule : store.listAll()) {
            if (schedule(schedule, true)) {
                scheduled++;
            }
        }
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the recap scheduler: " + e.getMessage(), e);
        }
        log.info("recap schedules loaded: schedules={}", scheduled);
    }

    @Override
    public void added(RecapSchedule schedule) {
        schedule(schedule, false);
    }

    @Override
    public void removed(long scheduleId) {
        try {
            quartz.deleteJob(jobKey(scheduleId));
        } catch (SchedulerException e) {
            log.warn("could not remove recap trigger: schedule={} error={}", scheduleId, e.toString());
        }
    }

    /**
     * Brings the triggers in line with the store (SPEC §13): schedules another process added get a
     * trigger here (a run missed within the hour is caught up), removed ones lose theirs. Run on
     * every heartbeat, so a process that takes over a shard has every schedule of its guilds.
     */
    public void reconcile() {
        try {
            Set<JobKey> known = new HashSet<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
            for (RecapSchedule schedule : store.listAll()) {
                if (!known.remove(jobKey(schedule.id()))) {
                    schedule(schedule, true);
                }
            }
            for (JobKey gone : known) {
                quartz.deleteJob(gone);
            }
        } catch (SchedulerException e) {
            log.warn("recap triggers not synced with the store: error={}", e.getMessage());
        }
    }

    /**
     * This process now runs {@code shard} (taken over from a dead process): its guilds' runs missed
     * within the hour are posted now, unless the dead process posted them (the run claim decides).
     */
    public void catchUp(Shards shard) {
        for (RecapSchedule schedule : store.listAll()) {
            if (schedule.guildId() != null && shard.owns(schedule.guildId())) {
                schedule(schedule, true);
            }
        }
    }

    /** When the schedule's trigger fires next, as Quartz sees it; empty when it has no trigger. */
    public Optional<Instant> nextRun(long scheduleId) {
        try {
            Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(Long.toString(scheduleId), GROUP));
            return trigger == null ? Optional.empty() : Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    private boolean schedule(RecapSchedule schedule, boolean catchUp) {
        Instant now = clock.instant();
        Instant startAt = catchUp ? missedRun(schedule, now).orElse(now) : now;
        JobDetail job = JobBuilder.newJob(RecapJob.class).withIdentity(jobKey(schedule.id()))
                .usingJobData(RecapJob.SCHEDULE_ID, schedule.id()).build();
        try {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(Long.toString(schedule.id()), GROUP)
                    .startAt(Date.from(startAt))
                    .withSchedule(CronScheduleBuilder.cronSchedule(RecapCron.expression(schedule.cron()))
                            .inTimeZone(RecapCron.UTC)
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            quartz.scheduleJob(job, Set.of(trigger), true);
            if (startAt.isBefore(now)) {
                log.info("recap run missed at {} is posted now: schedule={}", startAt, schedule.id());
            }
            return true;
        } catch (SchedulerException | IllegalArgumentException e) {
            log.warn("recap schedule not scheduled: schedule={} cron={} error={}", schedule.id(), schedule.cron(), e.getMessage());
            return false;
        }
    }

    /** The latest fire time within the catch-up window that came after the last run (and after the schedule was made). */
    static Optional<Instant> missedRun(RecapSchedule schedule, Instant now) {
        Instant from = now.minus(CATCH_UP_WINDOW);
        if (schedule.createdAt() != null && schedule.createdAt().isAfter(from)) {
            from = schedule.createdAt();
        }
        if (schedule.lastRunAt() != null && !schedule.lastRunAt().isBefore(from)) {
            from = schedule.lastRunAt();
        }
        return RecapCron.lastFireBetween(schedule.cron(), from, now);
    }

    private static JobKey jobKey(long scheduleId) {
        return JobKey.jobKey(Long.toString(scheduleId), GROUP);
    }

    /** Stops firing and waits for a recap being posted. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the recap scheduler: " + e.getMessage(), e);
        }
    }
}
