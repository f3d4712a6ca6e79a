package io.github.tldrbot.llm;

/** What the model summarizer reports per card (SPEC §11: model calls and fallbacks); metrics listen. */
public interface ModelEvents {
    ModelEvents NONE = new ModelEvents() {
    };

    /** The card came from the card cache; no call. */
    default void cached() {
    }

    /** The model answered with a valid card. */
    default void answered() {
    }

    /** No valid card from the model ({@code cause}: timeout, rate-limited, http-500, invalid-output …): the extractive card is used. */
    default void fellBack(String cause) {
    }
}
