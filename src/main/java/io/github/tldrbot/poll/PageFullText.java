package io.github.tldrbot.poll;

import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticlePageReader;
import io.github.tldrbot.feed.FeedInfo;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.feed.PageTextCache;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArticleFullText} from the article's web page: with the feed's {@code fullText} setting
 * {@code auto} the page is read only when the feed's own text is a teaser ({@link TeaserCheck}),
 * with {@code always} for every article, with {@code never} not at all. What the page gave is
 * cached by article URL (failures too), so each page is fetched at most once.
 *
 * <p>The page's text replaces the feed's body only when it is longer: a page that yields less than
 * the feed already had (an extraction that missed, a cookie wall) never makes a card worse.
 *
 * <p>Logs once per page read: {@code full text read} at DEBUG, {@code full text unavailable} with
 * the reason's stable key at INFO; cache hits at DEBUG. Never throws.
 */
public final class PageFullText implements ArticleFullText {
    private static final Logger log = LoggerFactory.getLogger(PageFullText.class);

    private final ArticlePageReader reader;
    private final PageTextCache cache;
    private final FullTextSettings settings;
    private final TeaserCheck teasers = new TeaserCheck();

    public PageFullText(ArticlePageReader reader, PageTextCache cache, FullTextSettings settings) {
        this.reader = reader;
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public Article complete(long feedId, FeedInfo feed, Article article) {
        try {
            FullTextMode mode = settings.modeFor(feedId, feed.url());
            String own = ownText(article);
            if (mode == FullTextMode.NEVER || mode == FullTextMode.AUTO && !teasers.isTeaser(own)) {
                return article;
            }
            String link = article.link();
            if (link == null || !link.toLowerCase(Locale.ROOT).matches("https?://.+")) {
                return article;
            }
            PageText page = cachedOrRead(feedId, link);
            if (page instanceof PageText.Found found && found.text().length() > own.length()) {
                return article.withFullText(found.text(), found.links());
            }
            return article;
        } catch (RuntimeException e) {
            log.warn("full text failed: feed={} url={} error={}", feedId, article.link(), e.toString(), e);
            return article;
        }
    }

    private PageText cachedOrRead(long feedId, String link) {
        Optional<PageText> cached = cache.find(link);
        if (cached.isPresent()) {
            log.debug("full text from cache: feed={} url={} found={}", feedId, link, cached.get() instanceof PageText.Found);
            return cached.get();
        }
        long started = System.nanoTime();
        PageText page = reader.read(link);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (page instanceof PageText.Found found) {
            log.debug("full text read: feed={} url={} chars={} links={} took={}ms", feedId, link,
                    found.text().length(), found.links().size(), tookMs);
        } else {
            log.info("full text unavailable, using the feed's text: feed={} url={} took={}ms reason={}", feedId, link,
                    tookMs, ((PageText.Missing) page).reason());
        }
        if (Thread.currentThread().isInterrupted()) {
            return page; // a fetch cut short by shutdown says nothing about the page: try again next time
        }
        try {
            cache.put(link, page);
        } catch (RuntimeException e) {
            log.warn("full text not cached: feed={} url={} error={}", feedId, link, e.toString());
        }
        return page;
    }

    private static String ownText(Article article) {
        if (article.contentText() != null && !article.contentText().isBlank()) {
            return article.contentText().strip();
        }
        return article.summary() == null ? "" : article.summary().strip();
    }
}
