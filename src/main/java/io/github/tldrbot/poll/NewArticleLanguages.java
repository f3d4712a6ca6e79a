package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLanguage;
import io.github.tldrbot.feed.KnownEntries;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.PostChooser;
import io.github.tldrbot.store.StoredArticle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets the language of the entries of a polled document that will be posted, before they are
 * stored. Language detection costs more than parsing an entry (see docs/benchmarks.md) and only a
 * card reads the language, so the poller parses without it ({@link ArticleLanguage#NONE}) and pays
 * only for the new entries it will make cards of: a changed document repeats mostly entries stored at
 * earlier polls, and seeding, the flood guard and the age limit store articles that are never posted
 * (those keep {@code lang} null). Entries that already carry a language are left as they are.
 */
final class NewArticleLanguages {

    private final ArticleStore articles;
    private final ArticleLanguage languages;

    NewArticleLanguages(ArticleStore articles, ArticleLanguage languages) {
        this.articles = articles;
        this.languages = languages;
    }

    /**
     * {@code parsed} in the same order, the entries to be posted given a language: the entries the feed
     * does not hold yet (first of each identity) that {@code chooser} picks from them, as it will in
     * the store's transaction.
     */
    List<Article> detect(long feedId, List<Article> parsed, Instant now, PostChooser chooser) {
        return detect(feedId, parsed, now, chooser, ids -> articles.knownIdentities(feedId, ids));
    }

    /** @param held which identities the feed's store holds (the poll's {@link StoredIdentities}) */
    List<Article> detect(long feedId, List<Article> parsed, Instant now, PostChooser chooser, KnownEntries held) {
        if (languages == ArticleLanguage.NONE || parsed.stream().noneMatch(a -> a.lang() == null)
                || chooser.choose(asCandidates(feedId, parsed, now)).isEmpty()) {
            return parsed; // nothing could be posted (e.g. seeding): no query, no detection
        }
        Set<String> known = held.knownOf(parsed.stream().map(Article::id).toList());
        List<Article> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>(known);
        for (Article a : parsed) {
            if (seen.add(a.id())) {
                fresh.add(a);
            }
        }
        Set<String> chosen = new HashSet<>();
        for (StoredArticle s : chooser.choose(asCandidates(feedId, fresh, now))) {
            chosen.add(s.article().id());
        }
        List<Article> out = new ArrayList<>(parsed.size());
        for (Article a : parsed) {
            boolean detect = a.lang() == null && chosen.remove(a.id());
            out.add(detect ? languages.detect(a) : a);
        }
        return out;
    }

    /** {@code article} with a language, detected when it has none (the seed sample's card). */
    Article detect(Article article) {
        return article.lang() == null ? languages.detect(article) : article;
    }

    private static List<StoredArticle> asCandidates(long feedId, List<Article> list, Instant now) {
        List<StoredArticle> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new StoredArticle(-1 - i, feedId, list.get(i), now));
        }
        return out;
    }
}
