package io.github.tldrbot.app;

import io.github.tldrbot.cluster.ClusterMember;
import io.github.tldrbot.cluster.ClusterSettings;
import io.github.tldrbot.cluster.LiveShards;
import io.github.tldrbot.config.Shards;
import io.github.tldrbot.store.OutboxScope;
import java.time.Duration;

/**
 * This process among those sharing the store (SPEC §13), as the bot's parts need it: the shards it
 * runs now, its id (recorded on feed claims and outbox claims), and the heartbeat settings. A
 * process alone on its store has no id and no heartbeat.
 *
 * @param membership closed with the bot, after polling and sending stopped and before the store closes
 */
record ClusterRole(Shards shards, String processId, ClusterSettings settings, AutoCloseable membership) {
    /** A process with no heartbeat that runs {@code shards} (preview mode, tests, benchmarks). */
    static ClusterRole alone(Shards shards) {
        return new ClusterRole(shards, null, ClusterSettings.defaults(), () -> { });
    }

    /** A member of the store's processes. */
    static ClusterRole member(ClusterMember member, LiveShards shards, ClusterSettings settings) {
        return new ClusterRole(shards, member.identity().id(), settings, member);
    }

    OutboxScope outboxScope() {
        return new OutboxScope(shards, processId, processId == null ? Duration.ZERO : settings.deadAfter());
    }
}
