package io.github.tldrbot.poll;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;

/**
 * A card handed to a {@link CardSink}.
 *
 * @param feed       the feed facts from the document the article came from
 * @param seedSample true for the one card shown when a feed is first seeded (SPEC §4.4 posts nothing
 *                   then): preview mode prints it so a newcomer sees output; delivery ignores it
 */
public record PostedCard(long feedId, FeedInfo feed, long articleId, Article article, Card card, boolean seedSample) {
}
