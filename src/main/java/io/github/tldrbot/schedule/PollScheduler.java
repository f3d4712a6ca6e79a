package io.github.tldrbot.schedule;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The Quartz scheduler of the process (SPEC §4.3): the dispatcher every {@code polling.dispatchEvery}
 * and retention pruning daily. Feed state lives in our tables, so Quartz keeps its triggers in
 * memory (RAMJobStore) and they are rebuilt at every start.
 */
public final class PollScheduler implements AutoCloseable {
    /** Pruning starts a minute after start-up, so it does not compete with the first poll cycle. */
    private static final Duration PRUNE_DELAY = Duration.ofMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);

    private final PollDispatcher dispatcher;
    private final PruneJob pruneJob;
    private final Duration dispatchEvery;
    private final Scheduler quartz;

    public PollScheduler(PollDispatcher dispatcher, PruneJob pruneJob, Duration dispatchEvery) {
        this.dispatcher = dispatcher;
        this.pruneJob = pruneJob;
        this.dispatchEvery = dispatchEvery;
        try {
            this.quartz = new StdSchedulerFactory(QuartzProperties.inMemory("quartz", null)).getScheduler();
            quartz.setJobFactory(new ConstructedJobFactory(Map.of(
                    PollDueFeedsJob.class, new PollDueFeedsJob(dispatcher),
                    PruneJob.class, pruneJob)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Schedules the dispatcher (first run at once) and the daily prune, and starts firing. */
    public void start() {
        try {
            JobDetail dispatch = JobBuilder.newJob(PollDueFeedsJob.class).withIdentity("poll-due-feeds").build();
            Trigger dispatchTrigger = TriggerBuilder.newTrigger().withIdentity("poll-due-feeds")
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(dispatchEvery.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            JobDetail prune = JobBuilder.newJob(PruneJob.class).withIdentity("prune-articles").build();
            Trigger pruneTrigger = TriggerBuilder.newTrigger().withIdentity("prune-articles")
                    .startAt(Date.from(Instant.now().plus(PRUNE_DELAY)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(PRUNE_EVERY.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            quartz.scheduleJob(dispatch, dispatchTrigger);
            quartz.scheduleJob(prune, pruneTrigger);
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Hands every dispatch cycle's totals to {@code listener} (metrics). */
    public void reportTo(java.util.function.Consumer<PollCycleSummary> listener) {
        dispatcher.reportTo(listener);
    }

    /** Runs one dispatch cycle on the calling thread (benchmarks, tests, a manual "poll now"). */
    public PollCycleSummary runOnce() {
        return dispatcher.runOnce();
    }

    /** Prunes on the calling thread. */
    public int pruneOnce() {
        return pruneJob.runOnce();
    }

    /** Stops firing, waits for running jobs (a dispatch cycle finishes its batch), then stops the refresh pool. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the Quartz scheduler: " + e.getMessage(), e);
        } finally {
            dispatcher.close();
        }
    }
}
