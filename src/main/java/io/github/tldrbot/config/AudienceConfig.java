package io.github.tldrbot.config;

import java.util.Map;

/**
 * One "who should care" audience (SPEC §5.3). {@code keywords} maps a lower-case keyword or phrase
 * to its weight; {@code color} is an RGB integer or null.
 */
public record AudienceConfig(String id, String label, String description, Integer color, Map<String, Double> keywords) {
    public AudienceConfig {
        keywords = Map.copyOf(keywords);
    }
}
