package io.github.tldrbot.poll;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.StoredArticle;

/**
 * The running bot's {@link AudienceFallback}: a card with no audience of its own gets its feed's
 * topic, worked out from the feed's name and its {@value FeedTopic#RECENT_ARTICLES} most recent stored
 * articles — read only for such a card.
 */
public final class FeedTopicFallback implements AudienceFallback {

    private final FeedTopic topic;
    private final ArticleStore articles;

    public FeedTopicFallback(FeedTopic topic, ArticleStore articles) {
        this.topic = topic;
        this.articles = articles;
    }

    @Override
    public Card fill(long feedId, FeedInfo feed, Card card) {
        return FeedTopic.fill(card, topic.lazy(feed.title(), () -> articles.listByFeed(feedId, FeedTopic.RECENT_ARTICLES)
                .stream().map(StoredArticle::article).toList()));
    }
}
