package io.github.tldrbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Converts between Java values and the portable column encodings of the schema: instants as epoch
 * milliseconds in nullable {@code BIGINT}s, string lists as JSON text.
 */
final class SqlValues {
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper();

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long getLongOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("storage: cannot encode list as JSON: " + e.getMessage(), e);
        }
    }

    List<String> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("storage: stored list is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
