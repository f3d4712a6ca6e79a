package io.github.tldrbot.card;

import java.util.List;

/**
 * A TL;DR card (SPEC §5.1). Empty fields are null (strings) or empty (lists), never filler.
 *
 * @param whoShouldCare      0–3 audiences, most relevant first
 * @param summarizer         which summarizer produced it: {@code extractive} or {@code openai:<model>}
 * @param hook               one line (≤ 140 chars) that makes a member want to read; null when the
 *                           summarizer cannot state the news that briefly without repeating the TL;DR
 * @param deepInsight        model summarizer only: a short grounded paragraph, citing {@code [n]}
 * @param technicalDeepDive  model summarizer only, likewise
 * @param futureImplications model summarizer only, likewise
 * @param timeline           dated events, oldest first
 */
public record Card(
        String tldr,
        String whatChanged,
        String whyItMatters,
        String whatToDoNext,
        List<AudienceRef> whoShouldCare,
        List<String> keyTakeaways,
        String summarizer,
        String hook,
        String deepInsight,
        String technicalDeepDive,
        String futureImplications,
        List<TimelineEntry> timeline) {

    /** Hook line cap (SPEC §5.1). */
    public static final int HOOK_MAX = 140;

    public Card {
        whoShouldCare = whoShouldCare == null ? List.of() : List.copyOf(whoShouldCare);
        keyTakeaways = keyTakeaways == null ? List.of() : List.copyOf(keyTakeaways);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The single-article fields every summarizer writes; the rest empty. */
    public Card(String tldr, String whatChanged, String whyItMatters, String whatToDoNext,
                List<AudienceRef> whoShouldCare, List<String> keyTakeaways, String summarizer) {
        this(tldr, whatChanged, whyItMatters, whatToDoNext, whoShouldCare, keyTakeaways, summarizer,
                null, null, null, null, List.of());
    }

    public Card withAudiences(List<AudienceRef> audiences) {
        return new Card(tldr, whatChanged, whyItMatters, whatToDoNext, audiences, keyTakeaways, summarizer,
                hook, deepInsight, technicalDeepDive, futureImplications, timeline);
    }

    public Card withTimeline(List<TimelineEntry> newTimeline) {
        return new Card(tldr, whatChanged, whyItMatters, whatToDoNext, whoShouldCare, keyTakeaways, summarizer,
                hook, deepInsight, technicalDeepDive, futureImplications, newTimeline);
    }

    public Card withHook(String newHook) {
        return new Card(tldr, whatChanged, whyItMatters, whatToDoNext, whoShouldCare, keyTakeaways, summarizer,
                newHook, deepInsight, technicalDeepDive, futureImplications, timeline);
    }
}
