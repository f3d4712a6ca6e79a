package io.github.tldrbot.store;

import java.time.Instant;

/**
 * One row of {@code websub_subscriptions} (SPEC §4.3): this bot's subscription to a feed's WebSub hub.
 *
 * @param feedId     the feed, or null once the feed was deleted (the hub is still to be told)
 * @param callbackId the unguessable last segment of the callback URL
 * @param state      {@code new}, {@code requested}, {@code active}, {@code denied}, {@code failed} or {@code unsubscribing}
 * @param expiresAt  when the hub's lease ends (null before the first verification)
 */
public record WebSubSubscription(long id, Long feedId, String callbackId, String hubUrl, String topicUrl, String secret,
                                 String state, Long leaseSeconds, Instant expiresAt, Instant verifiedAt, Instant dueAt,
                                 int attempts, String lastError) {
    public static final String NEW = "new";
    public static final String REQUESTED = "requested";
    public static final String ACTIVE = "active";
    public static final String DENIED = "denied";
    public static final String FAILED = "failed";
    public static final String UNSUBSCRIBING = "unsubscribing";

    /** Whether the hub holds a lease for us now (pushes may arrive), whatever the row waits for next. */
    public boolean leased(Instant now) {
        return expiresAt != null && expiresAt.isAfter(now) && !state.equals(DENIED);
    }
}
