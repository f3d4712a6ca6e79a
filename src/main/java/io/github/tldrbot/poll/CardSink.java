package io.github.tldrbot.poll;

/**
 * Where the cards of new articles go: preview mode prints them, Discord delivery enqueues them for
 * the subscribed channels. Called from poller threads, so implementations are thread-safe.
 */
@FunctionalInterface
public interface CardSink {
    void publish(PostedCard card);

    /**
     * Whether this sink does anything with a seed sample ({@link PostedCard#seedSample()}); when it
     * does not, the poller makes no card for it (a card costs a summary, and with a model, money).
     */
    default boolean wantsSeedSamples() {
        return true;
    }
}
