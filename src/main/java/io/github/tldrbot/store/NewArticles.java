package io.github.tldrbot.store;

import java.util.List;

/**
 * The outcome of storing one document's articles.
 *
 * @param fresh  the articles that were new for the feed, in document order
 * @param toPost the subset marked {@code pending} for posting, in the order the chooser returned
 */
public record NewArticles(List<StoredArticle> fresh, List<StoredArticle> toPost) {
    public NewArticles {
        fresh = List.copyOf(fresh);
        toPost = List.copyOf(toPost);
    }
}
