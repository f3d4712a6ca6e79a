package io.github.tldrbot.poll;

import java.util.List;

/**
 * The audiences a feed's cards lean to before any keyword is read (SPEC §5.3: "a feed or
 * subscription may also name a default audience"), by feed id. The classifier raises them and names
 * them on a card where no keyword matched.
 */
@FunctionalInterface
public interface AudiencePriors {

    /** No feed has a default audience. */
    AudiencePriors NONE = feedId -> List.of();

    /** Audience ids for the feed's cards, most important first; empty when it has none. */
    List<String> forFeed(long feedId);
}
