package io.github.tldrbot.schedule;

import io.github.tldrbot.store.RecapSchedule;

/**
 * Told when a command adds or removes a stored schedule, so its trigger starts or stops at once
 * rather than at the next start. {@link RecapScheduler} is the real one.
 */
public interface RecapScheduleChanges {
    /** Nothing runs the triggers (tests of the commands alone): changes take effect at the next start. */
    RecapScheduleChanges NONE = new RecapScheduleChanges() {
        @Override
        public void added(RecapSchedule schedule) {
        }

        @Override
        public void removed(long scheduleId) {
        }
    };

    void added(RecapSchedule schedule);

    void removed(long scheduleId);
}
