package io.github.tldrbot.card;

import java.util.List;

/**
 * A TL;DR card (SPEC §5.1). Empty fields are null (strings) or empty (lists), never filler.
 *
 * @param whoShouldCare 0–3 audiences, most relevant first
 * @param summarizer    which summarizer produced it: {@code extractive} or {@code openai:<model>}
 */
public record Card(
        String tldr,
        String whatChanged,
        String whyItMatters,
        String whatToDoNext,
        List<AudienceRef> whoShouldCare,
        List<String> keyTakeaways,
        String summarizer) {

    public Card {
        whoShouldCare = whoShouldCare == null ? List.of() : List.copyOf(whoShouldCare);
        keyTakeaways = keyTakeaways == null ? List.of() : List.copyOf(keyTakeaways);
    }
}
