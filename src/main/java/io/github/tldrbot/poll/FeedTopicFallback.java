package io.github.tldrbot.poll;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.FeedTopic;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.StoredArticle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The running bot's {@link AudienceFallback}: a card with no audience of its own gets its feed's
 * topic, worked out from the feed's name and its {@value FeedTopic#RECENT_ARTICLES} most recent stored
 * articles — read only for such a card. A feed's topic is remembered for {@link #REMEMBER} (it moves
 * slowly: a few new articles among 40 rarely change it), so a busy feed whose cards often name no
 * audience does not read and classify 40 articles for every card. When the topic is worked out again,
 * the audiences of the articles that were among the recent ones last time are reused (a stored
 * article's words never change), so only the articles stored since are classified.
 */
public final class FeedTopicFallback implements AudienceFallback {
    /** How long a feed's topic is reused before its recent articles are read again. */
    static final Duration REMEMBER = Duration.ofHours(6);

    private final FeedTopic topic;
    private final ArticleStore articles;
    private final Clock clock;
    private final Map<Long, Remembered> byFeed = new ConcurrentHashMap<>();
    /** One instance per distinct answer, so the remembered answers of many feeds share their lists. */
    private final Map<List<AudienceRef>, List<AudienceRef>> answers = new ConcurrentHashMap<>();
    private final Function<Article, List<AudienceRef>> ownAudiences;

    public FeedTopicFallback(FeedTopic topic, ArticleStore articles) {
        this(topic, articles, Clock.systemUTC());
    }

    public FeedTopicFallback(FeedTopic topic, ArticleStore articles, Clock clock) {
        this(topic, articles, clock, topic::audiencesOf);
    }

    /** @param ownAudiences {@link FeedTopic#audiencesOf} (tests count the calls) */
    FeedTopicFallback(FeedTopic topic, ArticleStore articles, Clock clock,
                      Function<Article, List<AudienceRef>> ownAudiences) {
        this.topic = topic;
        this.articles = articles;
        this.clock = clock;
        this.ownAudiences = ownAudiences;
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
        List<StoredArticle> recent = articles.listByFeed(feedId, FeedTopic.RECENT_ARTICLES);
        Map<Long, List<AudienceRef>> before = known == null ? Map.of() : known.ownAudiences;
        Map<Long, List<AudienceRef>> own = new HashMap<>();
        Map<Article, List<AudienceRef>> byArticle = new IdentityHashMap<>();
        for (StoredArticle stored : recent) {
            List<AudienceRef> audiences = before.get(stored.id());
            if (audiences == null) {
                audiences = answers.computeIfAbsent(ownAudiences.apply(stored.article()), a -> a);
            }
            own.put(stored.id(), audiences);
            byArticle.put(stored.article(), audiences);
        }
        List<AudienceRef> fresh = topic.of(title, recent.stream().map(StoredArticle::article).toList(), byArticle::get);
        byFeed.put(feedId, new Remembered(title, fresh, now.plus(REMEMBER), Map.copyOf(own)));
        return fresh;
    }

    /** @param ownAudiences the audiences each recent article (by row id) names in its own words */
    private record Remembered(String title, List<AudienceRef> topic, Instant until,
                              Map<Long, List<AudienceRef>> ownAudiences) {
    }
}
