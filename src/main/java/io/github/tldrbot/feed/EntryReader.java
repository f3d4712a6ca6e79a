package io.github.tldrbot.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the entries of one document into identified articles (SPEC §4.2), normalising only the
 * entries the caller does not already hold: first what identifies each entry ({@link EntryKeys}),
 * then the ids by the rules of {@link ArticleIdentity}, then one question to {@link KnownEntries},
 * then the costly {@link EntryNormaliser} for the rest. An entry that guid and link cannot tell apart
 * needs the hash of its title and summary for its id, so it is normalised before the question
 * whatever the answer: the ids are exactly those of normalising everything. Thread-safe.
 */
final class EntryReader {

    private final EntryKeys keys;
    private final EntryFacts facts;
    private final EntryNormaliser normaliser;
    private final ArticleIdentity identity;
    private final ArticleLanguage languages;

    EntryReader(EntryKeys keys, EntryFacts facts, EntryNormaliser normaliser, ArticleIdentity identity,
                ArticleLanguage languages) {
        this.keys = keys;
        this.facts = facts;
        this.normaliser = normaliser;
        this.identity = identity;
        this.languages = languages;
    }

    /** What one document's entries became: new articles in document order, and the entries held already. */
    record Entries(List<Article> articles, List<KnownEntry> known) {
    }

    /**
     * @param elements each entry's XML element (nulls when they do not line up with Rome's entries)
     * @param feedLink the feed's absolute link, or null
     * @param baseUrl  where the feed was read from
     */
    Entries read(List<SyndEntry> entries, List<Element> elements, String feedLink, String baseUrl, KnownEntries held) {
        int n = entries.size();
        List<EntryKeys.Key> found = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            found.add(keys.of(entries.get(i), elements.get(i), feedLink, baseUrl));
        }
        Article[] normalised = new Article[n];
        List<String> ids = identity.idsOf(found.stream().map(EntryKeys.Key::guid).toList(),
                found.stream().map(EntryKeys.Key::link).toList(), i -> {
                    normalised[i] = normalise(entries, elements, found, i, feedLink, baseUrl);
                    return identity.contentHash(normalised[i]);
                });
        Set<String> known = n == 0 ? Set.of() : held.knownOf(ids);

        List<Article> articles = new ArrayList<>(n);
        List<KnownEntry> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (known.contains(ids.get(i))) {
                kept.add(new KnownEntry(ids.get(i), facts.published(entries.get(i), elements.get(i)),
                        facts.updated(entries.get(i), elements.get(i))));
                continue;
            }
            Article article = normalised[i] != null ? normalised[i]
                    : normalise(entries, elements, found, i, feedLink, baseUrl);
            articles.add(languages.detect(article.withId(ids.get(i))));
        }
        return new Entries(articles, kept);
    }

    private Article normalise(List<SyndEntry> entries, List<Element> elements, List<EntryKeys.Key> found, int i,
                              String feedLink, String baseUrl) {
        return normaliser.normalise(entries.get(i), elements.get(i), found.get(i), feedLink, baseUrl);
    }
}
