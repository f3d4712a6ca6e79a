package io.github.tldrbot.llm;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CardCache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CardCache} in a map, standing in for the SQLite store across summarizer "restarts". */
final class InMemoryCardCache implements CardCache {
    private final Map<String, Card> cards = new ConcurrentHashMap<>();

    @Override
    public Optional<Card> find(String contentHash, String summarizer) {
        return Optional.ofNullable(cards.get(summarizer + "|" + contentHash));
    }

    @Override
    public void put(String contentHash, String summarizer, Card card) {
        cards.put(summarizer + "|" + contentHash, card);
    }

    int size() {
        return cards.size();
    }
}
