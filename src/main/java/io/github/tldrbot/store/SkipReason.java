package io.github.tldrbot.store;

import java.util.Locale;

/**
 * Why a subscription did not post an article, for the reasons that are stored as rows of
 * {@code post_skips} (SPEC §6.5). Seeding and age are not stored (they follow from the article and
 * subscription rows), nor are story merges and failed sends (they are in {@code deliveries}).
 */
public enum SkipReason {
    /** The card does not name the subscription's audience; detail: that audience id. */
    AUDIENCE,
    /** No include term matched; detail: the include filter as written. */
    INCLUDE,
    /** An exclude term matched; detail: that term as written. */
    EXCLUDE,
    /** The stored filter no longer compiles; detail: the compile error. */
    FILTER,
    /** The subscription was paused when the article arrived; detail: who paused it, or the pause reason. */
    PAUSED,
    /** The poll found more new articles than {@code maxPostsPerPoll}; detail: the limit. Feed-wide. */
    FLOOD,
    /** A reason this version does not know (written by a newer one); detail says what it is. */
    OTHER;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SkipReason fromColumn(String value) {
        for (SkipReason reason : values()) {
            if (reason.column().equals(value)) {
                return reason;
            }
        }
        return OTHER;
    }
}
