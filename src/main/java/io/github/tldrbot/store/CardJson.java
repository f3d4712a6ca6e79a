package io.github.tldrbot.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Cards and timelines as JSON text for the {@code card_cache} and {@code cards} tables. Timeline
 * dates are written as ISO {@code YYYY-MM-DD} strings by a two-line Jackson module rather than the
 * jsr310 datatype module: one type needs it, and the stored text stays readable.
 */
final class CardJson {
    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule("iso-local-date")
            .addSerializer(LocalDate.class, new JsonSerializer<>() {
                @Override
                public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.toString());
                }
            })
            .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
                @Override
                public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    String text = p.getValueAsString();
                    try {
                        return text == null ? null : LocalDate.parse(text.strip());
                    } catch (DateTimeParseException e) {
                        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a YYYY-MM-DD date");
                    }
                }
            }));

    String write(Card card) throws JsonProcessingException {
        return json.writeValueAsString(card);
    }

    Card readCard(String text) throws JsonProcessingException {
        return json.readValue(text, Card.class);
    }

    String writeTimeline(List<TimelineEntry> timeline) {
        try {
            return json.writeValueAsString(timeline == null ? List.of() : timeline);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("storage: cannot encode a card timeline as JSON: " + e.getOriginalMessage(), e);
        }
    }

    List<TimelineEntry> readTimeline(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, TIMELINE);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("storage: stored card timeline is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
