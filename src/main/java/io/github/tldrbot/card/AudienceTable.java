package io.github.tldrbot.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the table of {@link DefaultAudiences} from its resource: blocks of {@code key value} lines,
 * each block opened by {@code audience <id>} and holding {@code label}, {@code description},
 * {@code colour} (RGB hex) and one keyword line per language; a line that starts with white space
 * continues the one before it, {@code #} starts a comment line. A plain text file rather than YAML so
 * that {@code card} needs no parser, and strict: an unknown or repeated key fails at start-up and in the
 * tests, not an audience silently missing a keyword list.
 */
final class AudienceTable {

    /** One audience as written: its keyword specs in the order of the languages asked for. */
    record Row(String id, String label, String description, Integer colour, List<String> keywords) {
    }

    private AudienceTable() {
    }

    /** The rows of the resource {@code name} next to this class, in file order. */
    static List<Row> load(String name, List<String> languages) {
        try (InputStream in = AudienceTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), languages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(String text, List<String> languages) {
        List<Row> rows = new ArrayList<>();
        Map<String, String> block = null;
        for (String line : logicalLines(text)) {
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1).strip();
            if (key.equals("audience")) {
                if (block != null) {
                    rows.add(row(block, languages));
                }
                block = new LinkedHashMap<>();
            } else if (block == null || !(key.equals("label") || key.equals("description") || key.equals("colour")
                    || languages.contains(key))) {
                throw new IllegalStateException("unexpected line in the audience table: " + line);
            }
            if (block.put(key, value) != null) {
                throw new IllegalStateException("repeated key in the audience table: " + line);
            }
        }
        if (block != null) {
            rows.add(row(block, languages));
        }
        return rows;
    }

    private static Row row(Map<String, String> block, List<String> languages) {
        String id = block.get("audience");
        for (String key : List.of("label", "description", "colour")) {
            if (!block.containsKey(key)) {
                throw new IllegalStateException("audience " + id + " has no " + key);
            }
        }
        List<String> keywords = new ArrayList<>();
        for (String language : languages) {
            keywords.add(block.getOrDefault(language, ""));
        }
        return new Row(id, block.get("label"), block.get("description"), Integer.parseInt(block.get("colour"), 16),
                List.copyOf(keywords));
    }

    /** Lines without comments and blank lines, each continuation joined to its line by one space. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (lines.isEmpty()) {
                    throw new IllegalStateException("the audience table starts with a continuation line");
                }
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + raw.strip());
            } else {
                lines.add(raw.stripTrailing());
            }
        }
        return lines;
    }
}
