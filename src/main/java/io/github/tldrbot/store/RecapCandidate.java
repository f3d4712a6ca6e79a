package io.github.tldrbot.store;

import java.time.Instant;
import java.util.List;

/**
 * One stored article a recap may show, with what the recap needs to de-duplicate, rank and print
 * it. {@code storyKey} is the article's link (else its title): the recap normalises it to find the
 * same story published by several feeds.
 *
 * @param audiences the card's "who should care" audience ids, most relevant first (empty without a card)
 * @param tldr      the card's TL;DR, or null when the article has no card
 * @param feedTitle the feed's title, else its URL
 */
public record RecapCandidate(
        long articleId,
        long feedId,
        String feedTitle,
        String title,
        String link,
        String tldr,
        Instant firstSeen,
        List<String> audiences,
        Long storyId) {

    public RecapCandidate {
        audiences = List.copyOf(audiences);
    }

    /** A candidate whose story was not assigned (stored before stories existed). */
    public RecapCandidate(long articleId, long feedId, String feedTitle, String title, String link, String tldr,
                          Instant firstSeen, List<String> audiences) {
        this(articleId, feedId, feedTitle, title, link, tldr, firstSeen, audiences, null);
    }

    public String storyKey() {
        return link != null && !link.isBlank() ? link : title;
    }
}
