package io.github.tldrbot.poll;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.StoredArticle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running bot's {@link AudienceFallback}: a card with no audience of its own gets its feed's
 * topic, worked out from the feed's name and its {@value FeedTopic#RECENT_ARTICLES} most recent stored
 * articles — read only for such a card. A feed's topic is remembered for {@link #REMEMBER} (it moves
 * slowly: a few new articles among 40 rarely change it), so a busy feed whose cards often name no
 * audience does not read and classify 40 articles for every card.
 */
public final class FeedTopicFallback implements AudienceFallback {
    /** How long a feed's topic is reused before its recent articles are read again. */
    static final Duration REMEMBER = Duration.ofHours(6);

    private final FeedTopic topic;
    private final ArticleStore articles;
    private final Clock clock;
    private final Map<Long, Remembered> byFeed = new ConcurrentHashMap<>();

    public FeedTopicFallback(FeedTopic topic, ArticleStore articles) {
        this(topic, articles, Clock.systemUTC());
    }

    public FeedTopicFallback(FeedTopic topic, ArticleStore articles, Clock clock) {
        this.topic = topic;
        this.articles = articles;
        this.clock = clock;
    }

    @Override
    public Card fill(long feedId, FeedInfo feed, Card card) {
        return FeedTopic.fill(card, () -> topicOf(feedId, feed.title()));
    }

    private List<AudienceRef> topicOf(long feedId, String title) {
        Instant now = clock.instant();
        Remembered known = byFeed.get(feedId);
        if (known != null && Objects.equals(known.title, title) && now.isBefore(known.until)) {
            return known.topic;
        }
        List<AudienceRef> fresh = topic.of(title, articles.listByFeed(feedId, FeedTopic.RECENT_ARTICLES)
                .stream().map(StoredArticle::article).toList());
        byFeed.put(feedId, new Remembered(title, fresh, now.plus(REMEMBER)));
        return fresh;
    }

    private record Remembered(String title, List<AudienceRef> topic, Instant until) {
    }
}
