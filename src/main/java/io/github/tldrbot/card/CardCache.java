package io.github.tldrbot.card;

import java.util.Optional;

/**
 * Cards already written by a paid or slow summarizer, keyed by the hash of the article content
 * that was sent and by the summarizer's label ({@code openai:<model>}): a restart, a re-posted
 * article or a second feed carrying the same story never pays twice.
 */
public interface CardCache {
    Optional<Card> find(String contentHash, String summarizer);

    void put(String contentHash, String summarizer, Card card);

    /** No caching (preview command: it stores nothing). */
    CardCache NONE = new CardCache() {
        @Override
        public Optional<Card> find(String contentHash, String summarizer) {
            return Optional.empty();
        }

        @Override
        public void put(String contentHash, String summarizer, Card card) {
        }
    };
}
