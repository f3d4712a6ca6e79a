package io.github.tldrbot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.HtmlText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a model's answer into a card that keeps the SPEC §5.1 rules, repairing what can be repaired
 * and rejecting the rest — a model's output is untrusted input.
 *
 * <p>The first JSON object is taken from the answer (```json fences and chatter around it ignored).
 * Per field:
 * <ul>
 *   <li>strings: a number or boolean is taken as its text, an array of strings is joined, an object
 *       drops the field; markup and entities are turned into plain text with {@link HtmlText};
 *       white space is collapsed; blank or filler ("N/A", "null", "none") becomes null; over-long text
 *       is shortened at a word boundary with {@code …} ({@link TextShortener});</li>
 *   <li>{@code whoShouldCare}: ids matched case-insensitively against the configured ids (a label is
 *       accepted too); unknown ids and duplicates dropped; at most {@value #MAX_AUDIENCES}; labels always
 *       from the configuration, never from the model. When none remain, the audiences of the fallback
 *       (extractive) classifier are used;</li>
 *   <li>{@code keyTakeaways}: a single string is taken as one item; non-strings, blanks, duplicates and
 *       items repeating another field dropped; each at most {@value #TAKEAWAY_MAX} chars, at most
 *       {@value #MAX_TAKEAWAYS} items.</li>
 * </ul>
 * A missing or empty {@code tldr} makes the whole answer invalid (the caller falls back). The caps
 * are those of the extractive summarizer. Immutable and thread-safe.
 */
final class CardResponseParser {

    /** Cap of tldr, whatChanged, whyItMatters and whatToDoNext (as the extractive summarizer). */
    static final int FIELD_MAX = 300;
    static final int TAKEAWAY_MAX = 160;
    static final int MAX_TAKEAWAYS = 3;
    static final int MAX_AUDIENCES = 3;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Set<String> FILLER = Set.of("", "n/a", "na", "null", "none", "-", "—", "unknown", "not applicable");

    private final ObjectMapper json;
    private final Map<String, AudienceConfig> byKey = new LinkedHashMap<>();
    private final HtmlText html = new HtmlText();
    private final TextShortener shortener = new TextShortener();

    CardResponseParser(ObjectMapper json, List<AudienceConfig> audiences) {
        this.json = json;
        for (AudienceConfig a : audiences) {
            byKey.putIfAbsent(a.id().toLowerCase(Locale.ROOT), a);
        }
        for (AudienceConfig a : audiences) {
            if (a.label() != null) {
                byKey.putIfAbsent(a.label().strip().toLowerCase(Locale.ROOT), a);
            }
        }
    }

    /**
     * The card in {@code answer}, or empty when it has no JSON object or no tldr.
     *
     * @param fallbackAudiences the fallback classifier's audiences, asked only when the model named none usable
     * @param summarizer        the label the card carries ({@code openai:<model>})
     */
    Optional<Card> parse(String answer, Supplier<List<AudienceRef>> fallbackAudiences, String summarizer) {
        JsonNode root = firstObject(answer);
        if (root == null) {
            return Optional.empty();
        }
        String tldr = text(root.get("tldr"), FIELD_MAX);
        if (tldr == null) {
            return Optional.empty();
        }
        String whatChanged = text(root.get("whatChanged"), FIELD_MAX);
        String whyItMatters = text(root.get("whyItMatters"), FIELD_MAX);
        String whatToDoNext = text(root.get("whatToDoNext"), FIELD_MAX);
        List<AudienceRef> who = audiences(root.get("whoShouldCare"));
        if (who.isEmpty()) {
            who = fallbackAudiences.get();
        }
        Set<String> used = new LinkedHashSet<>();
        for (String f : new String[] {tldr, whatChanged, whyItMatters, whatToDoNext}) {
            if (f != null) {
                used.add(key(f));
            }
        }
        List<String> takeaways = new ArrayList<>();
        JsonNode t = root.get("keyTakeaways");
        List<JsonNode> items = new ArrayList<>();
        if (t != null && t.isArray()) {
            t.forEach(items::add);
        } else if (t != null && t.isTextual()) {
            items.add(t);
        }
        for (JsonNode item : items) {
            if (takeaways.size() == MAX_TAKEAWAYS) {
                break;
            }
            String s = item.isTextual() ? clean(item.asText(), TAKEAWAY_MAX) : null;
            if (s != null && used.add(key(s))) {
                takeaways.add(s);
            }
        }
        return Optional.of(new Card(tldr, whatChanged, whyItMatters, whatToDoNext, who, takeaways, summarizer));
    }

    /** The first JSON object in {@code answer} (fences and surrounding text ignored), or null. */
    JsonNode firstObject(String answer) {
        if (answer == null) {
            return null;
        }
        int from = answer.indexOf('{');
        while (from >= 0) {
            int end = matchingBrace(answer, from);
            if (end < 0) {
                return null;
            }
            try {
                JsonNode node = json.readTree(answer.substring(from, end + 1));
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // not JSON after all (prose with a brace): try the next '{'
            }
            from = answer.indexOf('{', from + 1);
        }
        return null;
    }

    /** Index of the '}' closing the '{' at {@code start}, skipping braces inside JSON strings; -1 if none. */
    private static int matchingBrace(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String text(JsonNode node, int max) {
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
            return clean(String.join(" ", parts), max);
        }
        return clean(node.asText(), max);
    }

    /** Plain text, collapsed, filler to null, shortened to {@code max} at a word boundary. */
    private String clean(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String s = MARKUP.matcher(raw).find() ? html.toText(raw) : raw;
        s = SPACE.matcher(s).replaceAll(" ").strip();
        if (FILLER.contains(s.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""))) {
            return null;
        }
        return shortener.shorten(s, max);
    }

    private List<AudienceRef> audiences(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        } else if (node != null && node.isTextual()) {
            for (String part : node.asText().split(",")) {
                items.add(json.getNodeFactory().textNode(part));
            }
        }
        Map<String, AudienceRef> picked = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode idNode = item.isObject() ? item.get("id") : item;
            if (idNode == null || !idNode.isTextual()) {
                continue;
            }
            AudienceConfig a = byKey.get(idNode.asText().strip().toLowerCase(Locale.ROOT));
            if (a != null && picked.size() < MAX_AUDIENCES) {
                picked.putIfAbsent(a.id(), new AudienceRef(a.id(), a.label()));
            }
        }
        return List.copyOf(picked.values());
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
