package io.github.tldrbot.usecase;

/**
 * Whether and why a subscription posted an article ({@code /feed why}, SPEC §6.5), told in words.
 *
 * @param kind        the reason, for callers that pick an icon or a test that checks it
 * @param text        one or two sentences for a moderator
 * @param messageLink the Discord message that shows the article (the posted or edited card), or null
 */
public record PostVerdict(Kind kind, String text, String messageLink) {

    /** The reasons of SPEC §6.5, plus the states between. */
    public enum Kind {
        POSTED,
        WAITING,
        MERGED,
        FILTERED,
        TOO_OLD,
        FLOOD,
        SEEDED,
        BEFORE_SUBSCRIBED,
        PAUSED,
        FAILED,
        SKIPPED,
        UNKNOWN
    }
}
