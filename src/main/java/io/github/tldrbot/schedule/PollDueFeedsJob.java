package io.github.tldrbot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz dispatcher job, fired every {@code polling.dispatchEvery}. Never runs twice at once:
 * a cycle that outlasts the period delays the next one instead of overlapping it.
 */
@DisallowConcurrentExecution
public final class PollDueFeedsJob implements Job {
    private final PollDispatcher dispatcher;

    public PollDueFeedsJob(PollDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dispatcher.runOnce();
    }
}
