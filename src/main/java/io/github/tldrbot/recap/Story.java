package io.github.tldrbot.recap;

import io.github.tldrbot.store.RecapCandidate;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The articles that tell one story (one or more feeds), and the one that represents it: the
 * earliest with a TL;DR (else the earliest), ties by lowest article id.
 */
record Story(List<RecapCandidate> articles) {
    private static final Comparator<RecapCandidate> EARLIEST =
            Comparator.comparing(RecapCandidate::firstSeen).thenComparingLong(RecapCandidate::articleId);

    Story {
        articles = articles.stream().sorted(EARLIEST).toList();
    }

    RecapCandidate lead() {
        return articles.stream().filter(a -> a.tldr() != null && !a.tldr().isBlank()).findFirst().orElse(articles.get(0));
    }

    Instant firstSeen() {
        return articles.get(0).firstSeen();
    }

    /** Distinct feed titles, earliest first: a feed that carried it twice counts once. */
    List<String> sources() {
        Set<String> names = new LinkedHashSet<>();
        Set<Long> feeds = new LinkedHashSet<>();
        for (RecapCandidate a : articles) {
            if (feeds.add(a.feedId())) {
                names.add(a.feedTitle());
            }
        }
        return List.copyOf(names);
    }

    int feedCount() {
        return (int) articles.stream().mapToLong(RecapCandidate::feedId).distinct().count();
    }

    /** Best (lowest) position of {@code audience} on any of its cards, or -1 when none names it. */
    int audienceRank(String audience) {
        int best = -1;
        for (RecapCandidate a : articles) {
            int rank = a.audiences().indexOf(audience);
            if (rank >= 0 && (best < 0 || rank < best)) {
                best = rank;
            }
        }
        return best;
    }
}
