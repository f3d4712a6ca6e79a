package io.github.tldrbot.llm;

/**
 * Told when a part of a model's answer is dropped by validation (a section citing a source that does
 * not exist, a timeline entry with a bad date, a hook repeating the TL;DR …), so the operator can
 * see why a card lacks a section. The summarizer logs each kind once ({@link FailureLog}).
 */
@FunctionalInterface
interface DropReport {

    /**
     * @param field the answer's field ({@code deepInsight}, {@code timeline}, …)
     * @param kind  a stable key for the reason ({@code cites-missing-source}, …)
     * @param why   one line saying what was wrong
     */
    void dropped(String field, String kind, String why);

    DropReport NONE = (field, kind, why) -> { };
}
