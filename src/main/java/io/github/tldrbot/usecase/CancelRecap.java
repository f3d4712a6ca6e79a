package io.github.tldrbot.usecase;

import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.RecapSchedule;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.SubscriptionSource;
import java.util.Optional;

/**
 * Stop a scheduled recap ({@code /recap-schedule remove}): only the guild's own, and not one the
 * config file's {@code recaps:} defines (it would come back at the next start). The running
 * scheduler is told once the row is gone.
 */
public final class CancelRecap {
    private final RecapScheduleStore schedules;
    private final RecapScheduleChanges changes;

    public CancelRecap(RecapScheduleStore schedules, RecapScheduleChanges changes) {
        this.schedules = schedules;
        this.changes = changes;
    }

    /**
     * @param typed the schedule as picked or typed: "12" or "#12" (autocomplete gives the id)
     * @return the removed schedule
     * @throws Refused when the guild has no such schedule or it comes from the config file
     */
    public RecapSchedule run(long guildId, String typed) throws Refused {
        String text = typed == null ? "" : typed.strip();
        String digits = text.startsWith("#") ? text.substring(1) : text;
        int end = 0;
        while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        Optional<RecapSchedule> found = end == 0 || end > 18 ? Optional.empty()
                : schedules.findById(Long.parseLong(digits.substring(0, end)))
                        .filter(s -> s.guildId() != null && s.guildId() == guildId);
        if (found.isEmpty()) {
            throw new Refused("No recap schedule '" + text + "' in this server. Pick one from the list "
                    + "(/recap-schedule list shows them).");
        }
        RecapSchedule schedule = found.get();
        if (schedule.source() == SubscriptionSource.CONFIG) {
            throw new Refused("#" + schedule.id() + " comes from the bot's config file (recaps:); remove it there and restart the bot.");
        }
        schedules.delete(guildId, schedule.id()); // one statement: deletes only the guild's own row
        changes.removed(schedule.id());
        return schedule;
    }
}
