package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tldrbot.feed.HtmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one value of a model's answer into plain card text, or null: a model's output is untrusted
 * input. A number or boolean is taken as its text, an array of strings is joined with spaces, an
 * object is no text; markup and entities become plain text ({@link HtmlText}); white space is
 * collapsed; blank or filler ("N/A", "null", "none", …) is null. Length caps are the caller's.
 * Thread-safe.
 */
final class ModelText {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Set<String> FILLER = Set.of("", "n/a", "na", "null", "none", "-", "—", "unknown", "not applicable");

    private final HtmlText html = new HtmlText();

    /** The plain text of {@code node}, or null. */
    String text(JsonNode node) {
        if (node == null || node.isNull() || node.isObject()) {
            return null;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> {
                if (n.isTextual() || n.isNumber()) {
                    parts.add(n.asText());
                }
            });
            return plain(String.join(" ", parts));
        }
        return plain(node.asText());
    }

    /** {@code raw} as plain, collapsed text; null when blank or filler. */
    String plain(String raw) {
        if (raw == null) {
            return null;
        }
        String s = MARKUP.matcher(raw).find() ? html.toText(raw) : raw;
        s = SPACE.matcher(s).replaceAll(" ").strip();
        if (FILLER.contains(s.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""))) {
            return null;
        }
        return s;
    }
}
