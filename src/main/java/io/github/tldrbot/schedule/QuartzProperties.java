package io.github.tldrbot.schedule;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * Settings of the process's in-memory Quartz schedulers (ARCHITECTURE: RAMJobStore; feed state and
 * schedules live in our tables and triggers are rebuilt at start).
 */
final class QuartzProperties {
    private QuartzProperties() {
    }

    /**
     * @param name              thread and instance name prefix, e.g. {@code quartz} or {@code recap}
     * @param misfireThreshold  how late a trigger may fire before it counts as misfired, or null for Quartz's default
     */
    static Properties inMemory(String name, Duration misfireThreshold) {
        Properties properties = new Properties();
        // Unique per instance: StdSchedulerFactory shares schedulers by name within a JVM.
        properties.setProperty("org.quartz.scheduler.instanceName", "tldr-bot-" + name + "-" + UUID.randomUUID());
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-worker");
        properties.setProperty("org.quartz.scheduler.threadName", name + "-scheduler");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        if (misfireThreshold != null) {
            properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        }
        return properties;
    }
}
