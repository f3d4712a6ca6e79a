package io.github.tldrbot.poll;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.FeedInfo;

/**
 * Names an audience on a card whose article named none of its own, from what its feed is about
 * ({@link io.github.tldrbot.card.FeedTopic}); a card that names audiences is returned as it is.
 */
@FunctionalInterface
public interface AudienceFallback {

    /** Leaves every card as it is. */
    AudienceFallback NONE = (feedId, feed, card) -> card;

    Card fill(long feedId, FeedInfo feed, Card card);
}
