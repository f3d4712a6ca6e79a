package io.github.tldrbot.config;

import java.time.Duration;

/** {@code polling.*}: dispatcher cadence, poll interval bounds and the flood guards (SPEC §4.3, §4.4). */
public record PollingConfig(
        Duration dispatchEvery,
        Duration defaultInterval,
        Duration minInterval,
        Duration maxInterval,
        Duration maxArticleAge,
        int maxPostsPerPoll,
        int maxFailuresBeforeDisable) {
}
