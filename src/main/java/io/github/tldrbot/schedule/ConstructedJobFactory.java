package io.github.tldrbot.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

import java.util.Map;

/**
 * Hands Quartz the job instances we built with their collaborators, instead of letting it
 * instantiate job classes reflectively (which would force static state to reach the services).
 */
final class ConstructedJobFactory implements JobFactory {
    private final Map<Class<? extends Job>, Job> jobs;

    ConstructedJobFactory(Map<Class<? extends Job>, Job> jobs) {
        this.jobs = Map.copyOf(jobs);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Job job = jobs.get(type);
        if (job == null) {
            throw new SchedulerException("no job instance registered for " + type.getName());
        }
        return job;
    }
}
