package io.github.tldrbot.store;

import io.github.tldrbot.config.FullTextMode;
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
 * @param fullText       whether this subscription wants article pages read for their full text
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
        Instant createdAt,
        FullTextMode fullText) {

    public Subscription {
        fullText = fullText == null ? FullTextMode.AUTO : fullText;
    }

    /** A subscription with the default {@code fullText: auto}. */
    public Subscription(long id, long feedId, Long guildId, long channelId, String audience, String include,
                        String exclude, SubscriptionStatus status, String pausedReason, boolean pauseAnnounced,
                        SubscriptionSource source, Instant createdAt) {
        this(id, feedId, guildId, channelId, audience, include, exclude, status, pausedReason, pauseAnnounced,
                source, createdAt, FullTextMode.AUTO);
    }
}
