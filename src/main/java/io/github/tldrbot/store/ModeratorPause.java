package io.github.tldrbot.store;

import java.time.Instant;

/** A subscription a moderator paused ({@code /feed pause}): who, and since when. */
public record ModeratorPause(long subscriptionId, long moderatorId, Instant pausedAt) {
}
