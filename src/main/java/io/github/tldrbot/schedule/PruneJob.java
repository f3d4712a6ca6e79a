package io.github.tldrbot.schedule;

import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardCacheStore;
import io.github.tldrbot.store.PageTextStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Daily retention (SPEC §9): deletes articles first seen longer than {@code retention.articles} ago,
 * with their cards and deliveries, and model-written cards and read article pages cached longer than that.
 */
@DisallowConcurrentExecution
public final class PruneJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(PruneJob.class);

    private final ArticleStore articles;
    private final CardCacheStore cardCache;
    private final PageTextStore pageTexts;
    private final Duration retention;
    private final Clock clock;

    public PruneJob(ArticleStore articles, Duration retention, Clock clock) {
        this(articles, null, retention, clock);
    }

    /** @param cardCache may be null (no model summarizer) */
    public PruneJob(ArticleStore articles, CardCacheStore cardCache, Duration retention, Clock clock) {
        this(articles, cardCache, null, retention, clock);
    }

    /** @param cardCache may be null; @param pageTexts may be null (nothing read from article pages) */
    public PruneJob(ArticleStore articles, CardCacheStore cardCache, PageTextStore pageTexts, Duration retention,
                    Clock clock) {
        this.articles = articles;
        this.cardCache = cardCache;
        this.pageTexts = pageTexts;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runOnce();
    }

    /** Prunes now; returns how many articles were deleted. */
    public int runOnce() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = articles.prune(cutoff);
        int cached = cardCache == null ? 0 : cardCache.prune(cutoff);
        int pages = pageTexts == null ? 0 : pageTexts.prune(cutoff);
        log.info("pruned articles: deleted={} cached_cards_deleted={} page_texts_deleted={} first_seen_before={}",
                deleted, cached, pages, cutoff);
        return deleted;
    }
}
