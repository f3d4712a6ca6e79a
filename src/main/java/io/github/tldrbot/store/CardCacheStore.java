package io.github.tldrbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.CardCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link CardCache} in the {@code card_cache} table, the card as JSON ({@link CardJson}: every field,
 * the model-only sections and the timeline included); entries older than the article retention are
 * pruned with it.
 */
public final class CardCacheStore implements CardCache {
    private final CardJson json = new CardJson();

    private final Database database;
    private final Clock clock;

    public CardCacheStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<Card> find(String contentHash, String summarizer) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT card_json FROM card_cache WHERE content_hash = ? AND summarizer = ?")) {
                select.setString(1, contentHash);
                select.setString(2, summarizer);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(json.readCard(rs.getString(1)));
                    } catch (JsonProcessingException e) {
                        return Optional.empty(); // an unreadable entry is a miss, written anew
                    }
                }
            }
        });
    }

    @Override
    public void put(String contentHash, String summarizer, Card card) {
        String text;
        try {
            text = json.write(card);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("cannot serialise a card for the cache", e);
        }
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO card_cache (content_hash, summarizer, card_json, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (content_hash, summarizer) DO UPDATE SET card_json = excluded.card_json,"
                            + " created_at = excluded.created_at")) {
                upsert.setString(1, contentHash);
                upsert.setString(2, summarizer);
                upsert.setString(3, text);
                upsert.setLong(4, clock.instant().toEpochMilli());
                return upsert.executeUpdate();
            }
        });
    }

    /** Deletes entries written before {@code olderThan}; returns how many. */
    public int prune(Instant olderThan) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM card_cache WHERE created_at < ?")) {
                delete.setLong(1, olderThan.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }
}
