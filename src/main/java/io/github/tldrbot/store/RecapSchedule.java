package io.github.tldrbot.store;

import java.time.Instant;

/**
 * One scheduled recap (SPEC §8.2): which period's recap goes to which channel, on which cron.
 *
 * @param guildId   the channel's guild; null for a config entry whose channel the bot could not see
 * @param period    {@code day}, {@code week} or {@code month}
 * @param audience  audience id filter, or null for all
 * @param timeUtc   {@code HH:MM} (UTC) as given to {@code /recap-schedule add}; null for config entries
 * @param weekday   {@code mon}..{@code sun} for weekly command schedules, else null
 * @param cron      the Quartz cron expression (UTC) the trigger is built from
 * @param source    who made it: the config's {@code recaps:} list or a slash command
 * @param lastRunAt when it last posted, or null
 */
public record RecapSchedule(long id, Long guildId, long channelId, String period, String audience, String timeUtc,
                            String weekday, String cron, SubscriptionSource source, Instant createdAt, Instant lastRunAt) {
}
