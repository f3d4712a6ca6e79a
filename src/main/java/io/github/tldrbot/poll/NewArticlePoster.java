package io.github.tldrbot.poll;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Makes the card of each article to post, stores it and hands it to the {@link CardSink}. Cards
 * are made only here, i.e. only for articles that are posted (or the seed sample): summarizing is
 * the costly step once an LLM summarizer exists. One article that fails (a summarizer bug, a sink
 * error) is logged and skipped; the others still go out. The card is saved in the transaction in
 * which the sink sees it (the outbox's rows are written there), so the delivery worker can always
 * load the card of an enqueued article.
 *
 * <p>Before its card is made, a posted article gets the full text of its web page when its feed is
 * a teaser feed ({@link ArticleFullText}); the seed sample does not (seeding reads no pages).
 */
public final class NewArticlePoster {
    private static final Logger log = LoggerFactory.getLogger(NewArticlePoster.class);

    private final Summarizer summarizer;
    private final ArticleFullText fullText;
    private final CardStore cards;
    private final CardSink sink;
    private final Clock clock;
    private final AudiencePriors priors;
    private final AudienceFallback fallback;

    /** A poster that cards articles as the feed gave them (no article pages read). */
    public NewArticlePoster(Summarizer summarizer, CardStore cards, CardSink sink, Clock clock) {
        this(summarizer, ArticleFullText.NONE, cards, sink, clock, AudiencePriors.NONE, AudienceFallback.NONE);
    }

    /**
     * @param fullText reads the article page of teaser feeds before the card is made
     * @param priors   each feed's default audiences, handed to the summarizer with every article
     * @param fallback names the feed's topic on a card that names no audience of its own
     */
    public NewArticlePoster(Summarizer summarizer, ArticleFullText fullText, CardStore cards, CardSink sink, Clock clock,
                            AudiencePriors priors, AudienceFallback fallback) {
        this.priors = priors;
        this.fallback = fallback;
        this.summarizer = summarizer;
        this.fullText = fullText;
        this.cards = cards;
        this.sink = sink;
        this.clock = clock;
    }

    /** Whether the sink does anything with a seed sample (else the poller skips making its card). */
    boolean wantsSeedSample() {
        return sink.wantsSeedSamples();
    }

    /** Posts the articles in the given order; returns how many reached the sink. */
    public int post(long feedId, FeedInfo feed, List<StoredArticle> articles, boolean seedSample) {
        return post(feedId, feed, articles, seedSample, articleId -> { });
    }

    /**
     * Posts articles that were marked pending for posting, in the given order, calling
     * {@code onPosted} with each article id right after the sink accepted its card (the caller clears
     * the pending mark there). An article whose card or sink call failed stays pending for
     * {@link PendingPostRecovery}. Returns how many reached the sink.
     */
    public int post(long feedId, FeedInfo feed, List<StoredArticle> articles, boolean seedSample, LongConsumer onPosted) {
        int posted = 0;
        for (StoredArticle stored : articles) {
            try {
                Article article = seedSample ? stored.article() : fullText.complete(feedId, feed, stored.article());
                Card card = fallback.fill(feedId, feed, summarizer.summarize(article, priors.forFeed(feedId)));
                // one transaction: the card and what the sink stores for it (the outbox rows)
                cards.save(stored.id(), card, clock.instant(),
                        () -> sink.publish(new PostedCard(feedId, feed, stored.id(), article, card, seedSample)));
                posted++;
                onPosted.accept(stored.id());
            } catch (RuntimeException e) {
                log.warn("posting article failed: feed={} url={} article={} error={}",
                        feedId, feed.url(), stored.id(), e.toString(), e);
            }
        }
        return posted;
    }
}
