package io.github.tldrbot.store;

import java.util.List;
import java.util.Optional;

/**
 * What the store knows about one article and one subscription, from which {@code /feed why} tells
 * whether and why it was posted (SPEC §6.5).
 *
 * @param postState the article's {@code post_state}: null (never chosen for posting: seeded, too old,
 *                  or held back by the flood guard), {@code pending} (chosen, card not made yet) or
 *                  {@code done} (its card reached the outbox)
 * @param delivery  the subscription's outbox row for the article, if any
 * @param edited    when that row edits a story card: the delivery that posted the card
 * @param skips     the stored decisions not to post it: the subscription's own and the feed-wide ones
 */
public record PostHistory(String postState, Optional<Delivery> delivery, Optional<Delivery> edited, List<PostSkip> skips) {
    public PostHistory {
        skips = List.copyOf(skips);
    }
}
