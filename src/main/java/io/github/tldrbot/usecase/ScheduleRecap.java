package io.github.tldrbot.usecase;

import io.github.tldrbot.recap.RecapPeriod;
import io.github.tldrbot.schedule.RecapCron;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Schedule a recap in a channel ({@code /recap-schedule add}, SPEC §8.2): day at a time, week on a
 * weekday at a time, month on the 1st at a time, all UTC. Refuses the same schedule twice and more
 * than {@link #MAX_PER_GUILD} per guild (checked and stored in one transaction); the running
 * scheduler is told once the schedule is stored.
 */
public final class ScheduleRecap {
    /** Keeps a guild's schedules within one autocomplete page. */
    public static final int MAX_PER_GUILD = 25;

    private final Database database;
    private final RecapScheduleStore schedules;
    private final RecapScheduleChanges changes;
    private final Clock clock;

    public ScheduleRecap(Database database, RecapScheduleStore schedules, RecapScheduleChanges changes, Clock clock) {
        this.database = database;
        this.schedules = schedules;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * @param audienceId a resolved audience id, or null for every card
     * @param weekday    for {@link RecapPeriod#WEEK} only (null there means Monday); must be null otherwise
     * @throws Refused when the weekday does not fit the period, or the schedule exists or the guild is full
     */
    public RecapSchedule run(long guildId, long channelId, RecapPeriod period, String audienceId, LocalTime time,
                             DayOfWeek weekday) throws Refused {
        if (weekday != null && period != RecapPeriod.WEEK) {
            throw new Refused("weekday applies to period week only; a " + period.adjective().toLowerCase(Locale.ROOT)
                    + " recap runs " + (period == RecapPeriod.DAY ? "every day" : "on the 1st of each month") + ". Leave weekday out.");
        }
        DayOfWeek day = period == RecapPeriod.WEEK ? Objects.requireNonNullElse(weekday, DayOfWeek.MONDAY) : null;
        String cron = RecapCron.build(period, time, day);
        String periodName = period.id();
        RecapSchedule schedule = database.transaction(() -> {
            List<RecapSchedule> existing = schedules.listForGuild(guildId);
            Optional<RecapSchedule> same = existing.stream().filter(s -> s.channelId() == channelId
                    && s.period().equals(periodName) && Objects.equals(s.audience(), audienceId) && s.cron().equals(cron)).findFirst();
            if (same.isPresent()) {
                throw new Refused("That recap is already scheduled (#" + same.get().id() + ").");
            }
            if (existing.size() >= MAX_PER_GUILD) {
                throw new Refused("This server already has " + MAX_PER_GUILD + " recap schedules, the most it may have. "
                        + "Remove one with /recap-schedule remove first.");
            }
            return schedules.add(guildId, channelId, periodName, audienceId, RecapCron.timeText(time),
                    day == null ? null : RecapCron.weekdayName(day), cron, clock.instant());
        });
        changes.added(schedule);
        return schedule;
    }
}
