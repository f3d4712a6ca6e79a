package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;

/**
 * Gives an article about to be carded the full text of its web page when its feed carries only a
 * teaser (SPEC §5, issue 9). Called only for articles that get a card posted, never for seeding or
 * stored-only ones. Never throws and never fails a poll: without full text the article is returned
 * as it came.
 */
public interface ArticleFullText {

    /** @return the article with its page's text as {@code contentText}, or {@code article} itself */
    Article complete(long feedId, FeedInfo feed, Article article);

    /** Leaves every article as the feed gave it. */
    ArticleFullText NONE = (feedId, feed, article) -> article;
}
