package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.store.ArticleStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sets the language of the entries of a polled document that the feed does not hold yet, before
 * they are stored. A changed document repeats mostly entries stored at earlier polls, and language
 * detection costs more than parsing an entry (see docs/benchmarks.md), so the poller parses without
 * it ({@link ArticleLanguage#NONE}) and pays only for what is new. Entries that already carry a
 * language (a parser that detects) are left as they are.
 */
final class NewArticleLanguages {

    private final ArticleStore articles;
    private final ArticleLanguage languages;

    NewArticleLanguages(ArticleStore articles, ArticleLanguage languages) {
        this.articles = articles;
        this.languages = languages;
    }

    /** {@code parsed} in the same order, the new entries without a language given one. */
    List<Article> detect(long feedId, List<Article> parsed) {
        List<String> undetected = parsed.stream().filter(a -> a.lang() == null).map(Article::id).toList();
        if (undetected.isEmpty() || languages == ArticleLanguage.NONE) {
            return parsed;
        }
        Set<String> known = articles.knownIdentities(feedId, undetected);
        List<Article> out = new ArrayList<>(parsed.size());
        for (Article a : parsed) {
            out.add(a.lang() == null && !known.contains(a.id()) ? languages.detect(a) : a);
        }
        return out;
    }
}
