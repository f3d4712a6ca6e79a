package io.github.tldrbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed, path-aware view of one YAML mapping. Every getter takes the default to use when the key
 * is absent; every error names the full key ({@code fetch.timeout}). {@link #finish()} rejects the
 * keys nobody asked for, which is how unknown (usually misspelt) keys become errors.
 */
final class ConfigSection {
    private final String path;
    private final JsonNode node;
    private final EnvSubstitution env;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigSection(String path, JsonNode node, EnvSubstitution env) {
        this.path = path;
        this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
        this.env = env;
        if (!this.node.isMissingNode() && !this.node.isObject()) {
            throw new ConfigException((path.isEmpty() ? "the configuration" : path)
                    + ": expected a mapping of keys to values, found " + describe(this.node));
        }
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode value(String name) {
        known.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String string(String name, String def) {
        JsonNode v = value(name);
        if (v == null) {
            return def;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(key(name) + ": expected a single value, found " + describe(v));
        }
        return env.apply(v.asText(), key(name));
    }

    boolean bool(String name, boolean def) {
        String s = string(name, null);
        if (s == null) {
            return def;
        }
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key(name) + ": '" + s + "' is not true or false");
        };
    }

    int integer(String name, int def, int min, int max) {
        String s = string(name, null);
        if (s == null) {
            return def;
        }
        int n;
        try {
            n = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(name) + ": '" + s + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new ConfigException(key(name) + ": " + n + " is out of range; use " + min + " to " + max);
        }
        return n;
    }

    /** An http(s) URL. */
    String httpUrl(String name, String def) {
        String v = string(name, def);
        if (!v.matches("(?i)https?://\\S+")) {
            throw new ConfigException(key(name) + ": '" + v + "' is not an http(s) URL");
        }
        return v;
    }

    /** A ws(s) URL. */
    String wsUrl(String name, String def) {
        String v = string(name, def);
        if (!v.matches("(?i)wss?://\\S+")) {
            throw new ConfigException(key(name) + ": '" + v + "' is not a ws(s) URL");
        }
        return v;
    }

    /** A strictly positive duration. */
    Duration duration(String name, Duration def) {
        return parsed(name, def, Units::duration, d -> !d.isZero() && !d.isNegative(), "must be longer than zero");
    }

    /** A strictly positive size in bytes. */
    long size(String name, long def) {
        return parsed(name, def, Units::size, n -> n > 0, "must be larger than zero");
    }

    private <T> T parsed(String name, T def, Function<String, T> parser, java.util.function.Predicate<T> ok, String rule) {
        String s = string(name, null);
        if (s == null) {
            return def;
        }
        T v;
        try {
            v = parser.apply(s);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(key(name) + ": " + e.getMessage());
        }
        if (!ok.test(v)) {
            throw new ConfigException(key(name) + ": " + rule);
        }
        return v;
    }

    ConfigSection section(String name) {
        return new ConfigSection(key(name), value(name), env);
    }

    /** A list of scalars; a single scalar is accepted as a one-element list. */
    List<String> strings(String name) {
        JsonNode v = value(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(env.apply(v.asText(), key(name)));
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(name) + ": expected a list, found " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode()) {
                throw new ConfigException(key(name) + "[" + i + "]: expected a single value, found " + describe(item));
            }
            out.add(env.apply(item.asText(), key(name) + "[" + i + "]"));
        }
        return out;
    }

    /** A list of mappings, or null when the key is absent (so the caller can tell absent from empty). */
    List<ConfigSection> sections(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(name) + ": expected a list, found " + describe(v));
        }
        List<ConfigSection> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new ConfigSection(key(name) + "[" + i + "]", v.get(i), env));
        }
        return out;
    }

    /** The raw node of a key whose shape the caller checks itself. */
    JsonNode raw(String name) {
        return value(name);
    }

    /** Rejects keys that no getter asked for. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(key(name) + ": unknown key; known keys here: " + String.join(", ", known));
            }
        }
    }

    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return "'" + v.asText() + "'";
    }
}
