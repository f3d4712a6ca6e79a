package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.StoredArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which new articles of a poll are posted, and in what order (SPEC §4.4).
 *
 * <ul>
 *   <li>An article dated (published, else updated) before {@code now − maxArticleAge} is never
 *       posted; an undated one is eligible (we cannot tell its age).</li>
 *   <li>Posting order is oldest first: by date when every eligible article has one (ties: later in
 *       the document is older), otherwise the reverse of document order, since feeds list newest
 *       first.</li>
 *   <li>Flood guard: of the eligible articles, the <em>newest</em> {@code maxPostsPerPoll} are
 *       posted (still oldest first) and the rest only stored. The flood case is a feed that re-ids
 *       everything at once; its newest items are the ones a reader wants.</li>
 * </ul>
 */
public final class PostSelector {
    private final Duration maxArticleAge;
    private final int maxPostsPerPoll;

    public PostSelector(Duration maxArticleAge, int maxPostsPerPoll) {
        this.maxArticleAge = maxArticleAge;
        this.maxPostsPerPoll = maxPostsPerPoll;
    }

    /**
     * @param fresh the poll's new articles in document order
     * @return the ones to post, oldest first
     */
    public List<StoredArticle> select(List<StoredArticle> fresh, Instant now) {
        Instant oldestAllowed = now.minus(maxArticleAge);
        List<StoredArticle> eligible = new ArrayList<>();
        for (StoredArticle candidate : fresh) {
            Instant date = dateOf(candidate.article());
            if (date == null || !date.isBefore(oldestAllowed)) {
                eligible.add(candidate);
            }
        }
        List<StoredArticle> oldestFirst = oldestFirst(eligible);
        int from = Math.max(0, oldestFirst.size() - Math.max(0, maxPostsPerPoll));
        return List.copyOf(oldestFirst.subList(from, oldestFirst.size()));
    }

    /**
     * The articles of {@code fresh} young enough to post that {@link #select} left out: the ones the
     * flood guard held back, in document order.
     *
     * @param chosen what {@link #select} returned for {@code fresh} and {@code now}
     */
    public List<StoredArticle> overLimit(List<StoredArticle> fresh, List<StoredArticle> chosen, Instant now) {
        Instant oldestAllowed = now.minus(maxArticleAge);
        java.util.Set<Long> posted = new java.util.HashSet<>();
        chosen.forEach(a -> posted.add(a.id()));
        List<StoredArticle> held = new ArrayList<>();
        for (StoredArticle candidate : fresh) {
            Instant date = dateOf(candidate.article());
            if ((date == null || !date.isBefore(oldestAllowed)) && !posted.contains(candidate.id())) {
                held.add(candidate);
            }
        }
        return held;
    }

    /** The flood guard's limit, for the reason recorded with a held-back article. */
    public int maxPostsPerPoll() {
        return maxPostsPerPoll;
    }

    /** The newest article of a document (in document order), for the seed sample. */
    public Optional<StoredArticle> newest(List<StoredArticle> articles) {
        List<StoredArticle> ordered = oldestFirst(articles);
        return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.get(ordered.size() - 1));
    }

    /** The given articles of one poll (in document order) in posting order, oldest first. */
    static List<StoredArticle> inPostingOrder(List<StoredArticle> inDocumentOrder) {
        return oldestFirst(inDocumentOrder);
    }

    private static List<StoredArticle> oldestFirst(List<StoredArticle> inDocumentOrder) {
        List<StoredArticle> reversed = new ArrayList<>(inDocumentOrder);
        Collections.reverse(reversed);
        boolean allDated = reversed.stream().allMatch(a -> dateOf(a.article()) != null);
        if (allDated) {
            // Stable sort on the reversed list: equal dates keep "later in the document = older".
            reversed.sort(Comparator.comparing(a -> dateOf(a.article())));
        }
        return reversed;
    }

    private static Instant dateOf(Article article) {
        return article.published() != null ? article.published() : article.updated();
    }
}
