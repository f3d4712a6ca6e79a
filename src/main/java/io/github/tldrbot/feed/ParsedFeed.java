package io.github.tldrbot.feed;

import java.util.List;

/** A parsed document: the feed facts and its articles in document order. */
public record ParsedFeed(FeedInfo feed, List<Article> articles) {
    public ParsedFeed {
        articles = List.copyOf(articles);
    }
}
