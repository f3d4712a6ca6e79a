package io.github.tldrbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code audiences:} list (SPEC §5.3). Keywords are either a mapping
 * {@code phrase: weight} or a plain list of phrases (weight 1), each in the syntax of
 * {@link AudienceKeyword} ({@code word*} prefixes, {@code keyword?} needing company), checked here
 * so a typo is a configuration error naming the key. Colours are {@code "#RRGGBB"}.
 */
final class AudienceReader {

    List<AudienceConfig> read(List<ConfigSection> entries, List<AudienceConfig> defaults) {
        if (entries == null) {
            return defaults;
        }
        if (entries.isEmpty()) {
            throw new ConfigException("audiences: the list is empty; remove the key to use the default audiences or list at least one");
        }
        List<AudienceConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigSection e : entries) {
            String id = e.string("id", null);
            if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                throw new ConfigException(e.key("id") + ": " + (id == null ? "missing" : "'" + id + "' is not valid")
                        + "; use lower-case letters, digits, - or _ (at most 32), e.g. developers");
            }
            if (!ids.add(id)) {
                throw new ConfigException(e.key("id") + ": audience '" + id + "' is defined twice");
            }
            String label = e.string("label", null);
            if (label == null || label.isBlank()) {
                throw new ConfigException(e.key("label") + ": missing; give the name readers see, e.g. \"Developers & AI Engineers\"");
            }
            out.add(new AudienceConfig(id, label.trim(), e.string("description", "").trim(), color(e), keywords(e)));
            e.finish();
        }
        return out;
    }

    private static Integer color(ConfigSection e) {
        String c = e.string("color", null);
        if (c == null) {
            return null;
        }
        String hex = c.trim();
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new ConfigException(e.key("color") + ": '" + c + "' is not a colour; write it as \"#RRGGBB\" (quoted)");
        }
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static Map<String, Double> keywords(ConfigSection e) {
        JsonNode node = e.raw("keywords");
        Map<String, Double> out = new LinkedHashMap<>();
        String key = e.key("keywords");
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode k = node.get(i);
                if (!k.isValueNode() || k.asText().isBlank()) {
                    throw new ConfigException(key + "[" + i + "]: expected a keyword or phrase");
                }
                put(out, key + "[" + i + "]", k.asText(), 1.0);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> k : node.properties()) {
                if (!k.getValue().isNumber() || k.getValue().asDouble() <= 0) {
                    throw new ConfigException(key + "." + k.getKey() + ": the weight must be a number above zero");
                }
                put(out, key + "." + k.getKey(), k.getKey(), k.getValue().asDouble());
            }
        } else {
            throw new ConfigException(key + ": expected a list of phrases or a mapping of phrase: weight");
        }
        return out;
    }

    private static void put(Map<String, Double> out, String key, String written, double weight) {
        AudienceKeyword parsed;
        try {
            parsed = AudienceKeyword.parse(written);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
        String phrase = parsed.phrase();
        String spelled = parsed.needsCompany() ? phrase + "?" : phrase;
        boolean repeated = out.containsKey(phrase) || out.containsKey(phrase + "?");
        if (repeated) {
            throw new ConfigException(key + ": '" + written + "' repeats the keyword '" + phrase + "'; keep one");
        }
        out.put(spelled, weight);
    }
}
