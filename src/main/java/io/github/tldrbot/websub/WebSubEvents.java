package io.github.tldrbot.websub;

/**
 * What the WebSub subscriber reports (metrics, SPEC §11). The default does nothing, so the
 * subscriber works without a metrics registry (observe/BotMetrics implements it).
 */
public interface WebSubEvents {
    WebSubEvents NONE = new WebSubEvents() {
    };

    /** A POST arrived on a callback URL. */
    default void pushReceived() {
    }

    /** Its signature matched: the content goes to the poller's path. */
    default void pushAccepted() {
    }

    /**
     * The content was ignored.
     *
     * @param reason {@code signature} (bad or missing), {@code unknown_callback}, {@code too_large}, {@code queue_full}
     */
    default void pushRejected(String reason) {
    }
}
