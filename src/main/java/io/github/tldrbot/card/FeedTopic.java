package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who should care about an article whose own words name no audience, judged by what its feed is
 * about (SPEC §5.3). A card from a science journal titled "Differentiating myeloid cells", or a
 * release feed's "v3.9.0", matches no keyword, yet its reader is plain from the feed: a reader would
 * say the same.
 *
 * <p>The feed's topic is, first, what its name states with strong keywords ("Release notes from
 * gulp" → Developers; see {@link AudienceClassifier#classifyName}), unless at least
 * {@value #MIN_CLASSIFIED} of its recent articles name audiences in their own words and fewer than
 * {@value #MIN_NAME_SHARE} of those agree with the name; second, an audience its recent articles name
 * in their own words often enough: at least {@value #MIN_SHARE} of them among at least
 * {@value #MIN_CLASSIFIED} that name any, so a general feed (a city paper) whose articles spread over
 * many audiences gets none. The thresholds were chosen on {@code ../shared/corpus/feeds}: a music
 * site, a football club, a tech news site and a science journal get their topic there, a personal
 * blog named after a tsunami and Hacker News ("hacker") do not. At most {@value #MAX_TOPIC} audiences. The topic is
 * only a fallback: a card that names audiences of its own, or the feed's configured ones, is left as
 * it is, and the recent articles are read only when a card needs the fallback.
 */
public final class FeedTopic {

    static final int MIN_CLASSIFIED = 5;
    static final double MIN_SHARE = 0.6;
    /**
     * ... and of all the recent articles: a general feed (a front page of everything) where a handful
     * of articles name an audience and the rest name none has no topic.
     */
    static final double MIN_SHARE_OF_ALL = 0.25;
    /** Share of the articles that must agree with the feed's name once enough of them name audiences. */
    static final double MIN_NAME_SHARE = 0.25;
    static final int MAX_TOPIC = 2;
    /** How many of the feed's most recent articles are read for its topic. */
    public static final int RECENT_ARTICLES = 40;

    private final AudienceClassifier classifier;

    public FeedTopic(AudienceClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * {@code card} as it is when it names an audience; otherwise with the feed's topic (possibly
     * still none). {@code topic} is called only in the second case (see {@link #lazy}).
     */
    public static Card fill(Card card, Supplier<List<AudienceRef>> topic) {
        if (!card.whoShouldCare().isEmpty()) {
            return card;
        }
        List<AudienceRef> audiences = topic.get();
        return audiences.isEmpty() ? card : card.withAudiences(audiences);
    }

    /**
     * The feed's topic, worked out on the first call only (then remembered), so a batch of cards from
     * one feed reads its recent articles at most once and not at all when every card names audiences.
     */
    public Supplier<List<AudienceRef>> lazy(String feedTitle, Supplier<List<Article>> recentArticles) {
        return new Supplier<>() {
            private List<AudienceRef> topic;

            @Override
            public synchronized List<AudienceRef> get() {
                if (topic == null) {
                    topic = of(feedTitle, recentArticles.get());
                }
                return topic;
            }
        };
    }

    /** The audiences the feed is about: its name's first, then its articles' dominant ones. */
    public List<AudienceRef> of(String feedTitle, List<Article> recentArticles) {
        return of(feedTitle, recentArticles, this::audiencesOf);
    }

    /**
     * {@link #of(String, List)} with each article's own audiences given by {@code ownAudiences},
     * which must answer as {@link #audiencesOf} does (a caller may remember those answers: an
     * article's words do not change, and a feed's recent articles are mostly the same from one
     * call to the next).
     */
    public List<AudienceRef> of(String feedTitle, List<Article> recentArticles,
                                Function<Article, List<AudienceRef>> ownAudiences) {
        Shares shares = shares(recentArticles, ownAudiences);
        Map<String, AudienceRef> topic = new LinkedHashMap<>();
        for (AudienceRef a : classifier.classifyName(feedTitle)) {
            // a name can mislead ("One Foot Tsunami" is a blog, "Hacker News" is not about security):
            // believed unless enough of the feed's own articles say otherwise
            if (shares.classified() < MIN_CLASSIFIED || shares.share(a.id()) >= MIN_NAME_SHARE) {
                topic.putIfAbsent(a.id(), a);
            }
        }
        if (shares.classified() >= MIN_CLASSIFIED) {
            shares.counts().keySet().stream()
                    .filter(id -> shares.share(id) >= MIN_SHARE && shares.shareOfAll(id) >= MIN_SHARE_OF_ALL)
                    .sorted(Comparator.<String>comparingInt(id -> -shares.counts().get(id)).thenComparing(id -> id))
                    .forEach(id -> topic.putIfAbsent(id, shares.refs().get(id)));
        }
        return topic.values().stream().limit(MAX_TOPIC).toList();
    }

    /** The audiences an article names in its own words, as {@link #of} counts them. */
    public List<AudienceRef> audiencesOf(Article article) {
        return classifier.classify(article);
    }

    private Shares shares(List<Article> articles, Function<Article, List<AudienceRef>> ownAudiences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, AudienceRef> refs = new LinkedHashMap<>();
        int classified = 0;
        for (Article article : articles.subList(0, Math.min(articles.size(), RECENT_ARTICLES))) {
            List<AudienceRef> own = ownAudiences.apply(article);
            if (!own.isEmpty()) {
                classified++;
                for (AudienceRef a : own) {
                    counts.merge(a.id(), 1, Integer::sum);
                    refs.putIfAbsent(a.id(), a);
                }
            }
        }
        return new Shares(counts, refs, classified, Math.min(articles.size(), RECENT_ARTICLES));
    }

    /** How many of the recent articles that name audiences in their own words name each one. */
    private record Shares(Map<String, Integer> counts, Map<String, AudienceRef> refs, int classified, int all) {
        double share(String id) {
            return classified == 0 ? 0 : counts.getOrDefault(id, 0) / (double) classified;
        }

        double shareOfAll(String id) {
            return all == 0 ? 0 : counts.getOrDefault(id, 0) / (double) all;
        }
    }
}
