package io.github.tldrbot.cluster;

import java.time.Duration;

/**
 * How processes sharing a store watch each other (SPEC §13). A process beats every
 * {@code heartbeatEvery}; one silent for {@code deadAfter} is dead and its feeds, sends and shards
 * are taken over; a feed claim lasts {@code feedLease} and is renewed by every beat while its poll
 * runs. With the defaults a dead process's work is taken over within about 25 s of its last beat,
 * well inside the minute the SPEC allows.
 */
public record ClusterSettings(Duration heartbeatEvery, Duration deadAfter, Duration feedLease, Duration handbackWait) {
    public ClusterSettings {
        if (deadAfter.compareTo(heartbeatEvery.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("deadAfter must cover at least three heartbeats");
        }
        if (feedLease.compareTo(deadAfter) < 0) {
            throw new IllegalArgumentException("a feed lease must outlast the dead-after window");
        }
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
