package io.github.tldrbot.store;

import java.time.Instant;

/**
 * Which articles a recap looks at: first seen in {@code [from, to)} in feeds the guild subscribes
 * to, optionally only cards naming {@code audience}, matching {@code topic}, from feed {@code feedId}.
 */
public record RecapFilter(long guildId, Instant from, Instant to, String audience, TopicQuery topic, Long feedId) {
}
