package io.github.tldrbot.delivery;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.store.StoredArticle;
import java.util.List;
import java.util.Optional;

/**
 * {@code /feed test}: posts the card of a feed's newest stored article to a channel now, through the
 * {@link Publisher} (so JDA's rate limiter paces it like any card), marked as a test in the card's
 * author line. Nothing is written: no outbox row, no story post, no "done" mark — a later real
 * delivery of the same article still happens. An article without a saved card (a seeded one) gets
 * one made for the test and not saved.
 */
public final class TestPosts {
    /** Put before the feed title in the card's author line. */
    public static final String MARK = "🧪 Test post — not recorded · ";

    private final PostHistoryStore articles;
    private final CardStore cards;
    private final FeedStore feeds;
    private final Summarizer summarizer;
    private final Publisher publisher;

    public TestPosts(PostHistoryStore articles, CardStore cards, FeedStore feeds, Summarizer summarizer, Publisher publisher) {
        this.articles = articles;
        this.cards = cards;
        this.feeds = feeds;
        this.summarizer = summarizer;
        this.publisher = publisher;
    }

    /** How a test post went. */
    public sealed interface Outcome {
        /** Posted; {@code messageId} is Discord's. */
        record Posted(StoredArticle article, String messageId) implements Outcome {
        }

        /** The feed has no stored article yet (never polled successfully, or all pruned). */
        record NoArticle() implements Outcome {
        }

        /** Not posted; {@code reason} says why (the bot may not post there, Discord did not answer). */
        record NotPosted(StoredArticle article, String reason) implements Outcome {
        }
    }

    /**
     * @param nonce 1–25 characters, unique per request (the interaction id): a repeated test within
     *              Discord's nonce window must post again, not return the earlier message
     */
    public Outcome post(long feedId, long channelId, String nonce) {
        Optional<StoredArticle> newest = articles.findNewest(feedId);
        if (newest.isEmpty()) {
            return new Outcome.NoArticle();
        }
        StoredArticle article = newest.get();
        Card card = cards.find(article.id()).orElseGet(() -> summarizer.summarize(article.article()));
        Optional<FeedRecord> feed = feeds.findById(feedId);
        String title = feed.map(FeedRecord::label).orElse("feed " + feedId);
        OutgoingMessage message = new OutgoingMessage(channelId, nonce, MARK + title, feed.map(FeedRecord::siteLink).orElse(null),
                article.article(), card, List.of(), article.firstSeenAt());
        SendResult result = publisher.send(message);
        if (result instanceof SendResult.Sent sent) {
            return new Outcome.Posted(article, sent.messageId());
        }
        String reason;
        if (result instanceof SendResult.Refused refused) {
            reason = refused.reason();
        } else if (result instanceof SendResult.RetryLater later) {
            reason = "Discord did not take it now (" + later.reason() + "); try again in a moment";
        } else {
            reason = ((SendResult.Gone) result).reason();
        }
        return new Outcome.NotPosted(article, reason);
    }
}
