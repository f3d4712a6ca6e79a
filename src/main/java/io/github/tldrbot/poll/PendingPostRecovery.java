package io.github.tldrbot.poll;

import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoredArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start-up repair of the gap between storing a poll's new articles and handing their cards to the
 * sink: articles still marked pending for posting (the process died in between, or the sink failed)
 * are carded and handed to the sink again, oldest first per feed. Safe to repeat: the delivery sink
 * enqueues idempotently (unique per subscription and article), so an article whose card did reach
 * the sink before the crash is not delivered twice.
 *
 * <p>Run once before the poll scheduler starts (a poll running concurrently could post the same
 * article at the same time; harmless for delivery, but a preview would print it twice).
 */
public final class PendingPostRecovery {
    private static final Logger log = LoggerFactory.getLogger(PendingPostRecovery.class);

    private final ArticleStore articles;
    private final FeedStore feeds;
    private final NewArticlePoster poster;

    public PendingPostRecovery(ArticleStore articles, FeedStore feeds, NewArticlePoster poster) {
        this.articles = articles;
        this.feeds = feeds;
        this.poster = poster;
    }

    /** Posts every pending article; returns how many reached the sink. */
    public int run() {
        Map<Long, Map<Instant, List<StoredArticle>>> byFeedAndPoll = new LinkedHashMap<>();
        for (StoredArticle pending : articles.listPendingPosts()) {
            byFeedAndPoll.computeIfAbsent(pending.feedId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(pending.firstSeenAt(), at -> new ArrayList<>())
                    .add(pending);
        }
        int posted = 0;
        for (Map.Entry<Long, Map<Instant, List<StoredArticle>>> feedEntry : byFeedAndPoll.entrySet()) {
            Optional<FeedRecord> feed = feeds.findById(feedEntry.getKey());
            if (feed.isEmpty()) {
                continue;
            }
            FeedInfo info = new FeedInfo(feed.get().url(), feed.get().title(), feed.get().siteLink(), null, null);
            for (List<StoredArticle> poll : feedEntry.getValue().values()) {
                // One poll's rows are in document order (row ids); post them in the order the poll would have.
                posted += poster.post(feed.get().id(), info, PostSelector.inPostingOrder(poll), false, articles::markPosted);
            }
        }
        if (posted > 0) {
            log.info("recovered pending posts: posted={}", posted);
        }
        return posted;
    }
}
