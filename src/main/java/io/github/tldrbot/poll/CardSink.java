package io.github.tldrbot.poll;

/**
 * Where the cards of new articles go: preview mode prints them, Discord delivery enqueues them for
 * the subscribed channels. Called from poller threads, so implementations are thread-safe.
 */
@FunctionalInterface
public interface CardSink {
    void publish(PostedCard card);
}
