package io.github.tldrbot.recap;

import java.time.Instant;

/** TEMPORARY stub (replaced at merge by the recap helper's record). */
public record RecapRequest(long guildId, RecapPeriod period, String audience, String topic, Long feedId, int limit, Instant now) {
}
