package io.github.tldrbot.card;

import java.util.List;

/** Which card a story shows (SPEC §5.5: "the TL;DR from the most informative source"). */
public final class StoryCards {

    private StoryCards() {
    }

    /**
     * The card with the most sections (what changed, why it matters, what to do next, hook, each
     * takeaway), then the longest TL;DR; the first of equals, so the earliest source wins a tie.
     *
     * @throws IllegalArgumentException when {@code cards} is empty
     */
    public static Card fullest(List<Card> cards) {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a story has at least one card");
        }
        Card best = cards.get(0);
        for (Card c : cards) {
            if (richness(c) > richness(best)) {
                best = c;
            }
        }
        return best;
    }

    private static int richness(Card c) {
        int sections = (c.whatChanged() == null ? 0 : 1) + (c.whyItMatters() == null ? 0 : 1)
                + (c.whatToDoNext() == null ? 0 : 1) + c.keyTakeaways().size() + (c.hook() == null ? 0 : 1);
        return sections * 1_000 + Math.min(c.tldr() == null ? 0 : c.tldr().length(), 999);
    }
}
