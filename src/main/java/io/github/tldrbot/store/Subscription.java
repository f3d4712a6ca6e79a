package io.github.tldrbot.store;

import java.time.Instant;

/**
 * One row of {@code subscriptions}: a feed routed to a channel (SPEC §6.1). The filter columns are
 * stored as written by the user; {@code io.github.tldrbot.delivery.SubscriptionFilter} validates and
 * compiles them.
 *
 * @param guildId        null until the Discord side resolves the channel's guild
 * @param audience       post only cards naming this audience id, or null
 * @param include        comma-separated keywords or {@code /regex/}, or null
 * @param exclude        likewise, or null
 * @param pausedReason   why delivery stopped (shown by {@code /feed status}), null while active
 * @param pauseAnnounced true once the pause was announced in the guild
 */
public record Subscription(
        long id,
        long feedId,
        Long guildId,
        long channelId,
        String audience,
        String include,
        String exclude,
        SubscriptionStatus status,
        String pausedReason,
        boolean pauseAnnounced,
        SubscriptionSource source,
        Instant createdAt) {
}
