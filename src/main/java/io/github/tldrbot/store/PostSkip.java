package io.github.tldrbot.store;

/**
 * One decision not to post an article (a row of {@code post_skips}).
 *
 * @param subscriptionId the subscription it concerns, or null for every subscription of the article's
 *                       feed (the flood guard decides per feed and poll)
 * @param detail         what matched or was missing (a term, an audience, a limit), or null
 */
public record PostSkip(long articleId, Long subscriptionId, SkipReason reason, String detail) {

    /** A decision for one subscription. */
    public static PostSkip of(long articleId, long subscriptionId, SkipReason reason, String detail) {
        return new PostSkip(articleId, subscriptionId, reason, detail);
    }

    /** A decision for every subscription of the article's feed. */
    public static PostSkip feedWide(long articleId, SkipReason reason, String detail) {
        return new PostSkip(articleId, null, reason, detail);
    }
}
