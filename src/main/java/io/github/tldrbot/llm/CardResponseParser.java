package io.github.tldrbot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.config.AudienceConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a model's answer into a card that keeps the SPEC §5.1 rules, repairing what can be repaired
 * and rejecting the rest — a model's output is untrusted input.
 *
 * <p>The first JSON object is taken from the answer (```json fences and chatter around it ignored).
 * Per field:
 * <ul>
 *   <li>strings: coerced and cleaned to plain text by {@link ModelText}; over-long text is shortened
 *       at a word boundary with {@code …}, a trailing {@code [n]} kept ({@link Citations#shorten});</li>
 *   <li>citations: any text field or takeaway citing a source that does not exist is dropped
 *       (a tldr then makes the whole answer invalid); {@code deepInsight}, {@code technicalDeepDive}
 *       and {@code futureImplications} must also cite at least one source and lose their uncited
 *       tail, or are the one line {@value Citations#TOO_LITTLE} ({@link Citations#paragraph});</li>
 *   <li>{@code hook}: at most {@value Card#HOOK_MAX} chars, dropped when it repeats the tldr or a
 *       source's title ({@link HookFilter});</li>
 *   <li>{@code timeline}: see {@link TimelineReader};</li>
 *   <li>{@code whoShouldCare}: ids matched case-insensitively against the configured ids (a label is
 *       accepted too); unknown ids and duplicates dropped; at most {@value #MAX_AUDIENCES}; labels always
 *       from the configuration, never from the model. When none remain, the audiences of the fallback
 *       (extractive) classifier are used;</li>
 *   <li>{@code keyTakeaways}: a single string is taken as one item; non-strings, blanks, duplicates and
 *       items repeating another field dropped; each at most {@value #TAKEAWAY_MAX} chars, at most
 *       {@value #MAX_TAKEAWAYS} items. Each item is its own claim, so one citing a missing source is
 *       dropped alone.</li>
 * </ul>
 * A missing or empty {@code tldr} makes the whole answer invalid (the caller falls back). Every
 * dropped part is told to the {@link DropReport}. The caps of the extractive fields are those of the
 * extractive summarizer. Immutable and thread-safe.
 */
final class CardResponseParser {

    /** Cap of tldr, whatChanged, whyItMatters and whatToDoNext (as the extractive summarizer). */
    static final int FIELD_MAX = 300;
    static final int TAKEAWAY_MAX = 160;
    static final int MAX_TAKEAWAYS = 3;
    static final int MAX_AUDIENCES = 3;
    /** Cap of deepInsight, technicalDeepDive and futureImplications: a short paragraph, well inside a Discord field. */
    static final int SECTION_MAX = 600;

    private final ObjectMapper json;
    private final DropReport report;
    private final Map<String, AudienceConfig> byKey = new LinkedHashMap<>();
    private final ModelText modelText = new ModelText();
    private final Citations citations = new Citations();
    private final HookFilter hooks = new HookFilter();
    private final TimelineReader timelines = new TimelineReader(modelText, citations);

    CardResponseParser(ObjectMapper json, List<AudienceConfig> audiences) {
        this(json, audiences, DropReport.NONE);
    }

    CardResponseParser(ObjectMapper json, List<AudienceConfig> audiences, DropReport report) {
        this.json = json;
        this.report = report;
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
     * The card in {@code answer}, or empty when it has no JSON object or no valid tldr.
     *
     * @param sources           the numbered sources the model was given (citations are checked against them)
     * @param fallbackAudiences the fallback classifier's audiences, asked only when the model named none usable
     * @param summarizer        the label the card carries ({@code openai:<model>})
     */
    Optional<Card> parse(String answer, List<PromptSource> sources, Supplier<List<AudienceRef>> fallbackAudiences,
                         String summarizer) {
        JsonNode root = firstObject(answer);
        if (root == null) {
            return Optional.empty();
        }
        int n = sources.size();
        String tldr = field(root, "tldr", n, FIELD_MAX);
        if (tldr == null) {
            return Optional.empty();
        }
        String whatChanged = field(root, "whatChanged", n, FIELD_MAX);
        String whyItMatters = field(root, "whyItMatters", n, FIELD_MAX);
        String whatToDoNext = field(root, "whatToDoNext", n, FIELD_MAX);
        String hook = hook(root, tldr, sources);
        String deepInsight = paragraph(root, "deepInsight", n);
        String technicalDeepDive = paragraph(root, "technicalDeepDive", n);
        String futureImplications = paragraph(root, "futureImplications", n);
        List<TimelineEntry> timeline = timelines.read(root.get("timeline"), sources, report);
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
        List<String> takeaways = takeaways(root.get("keyTakeaways"), n, used);
        return Optional.of(new Card(tldr, whatChanged, whyItMatters, whatToDoNext, who, takeaways, summarizer,
                hook, deepInsight, technicalDeepDive, futureImplications, timeline));
    }

    private String field(JsonNode root, String name, int sources, int max) {
        return kept(name, citations.field(modelText.text(root.get(name)), sources, max));
    }

    private String paragraph(JsonNode root, String name, int sources) {
        return kept(name, citations.paragraph(modelText.text(root.get(name)), sources, SECTION_MAX));
    }

    private String kept(String name, Citations.Verdict verdict) {
        if (verdict.problem() != null) {
            report.dropped(name, verdict.problem().kind(), verdict.problem().why());
        }
        return verdict.text();
    }

    private String hook(JsonNode root, String tldr, List<PromptSource> sources) {
        String hook = field(root, "hook", sources.size(), Card.HOOK_MAX);
        if (hook == null) {
            return null;
        }
        String repeated = hooks.repeats(hook, tldr, sources.stream().map(PromptSource::title).toList());
        if (repeated != null) {
            report.dropped("hook", "hook-repeats", "the hook repeats " + repeated + " instead of adding a reason to read");
            return null;
        }
        return hook;
    }

    private List<String> takeaways(JsonNode t, int sources, Set<String> used) {
        List<JsonNode> items = new ArrayList<>();
        if (t != null && t.isArray()) {
            t.forEach(items::add);
        } else if (t != null && t.isTextual()) {
            items.add(t);
        }
        List<String> takeaways = new ArrayList<>();
        for (JsonNode item : items) {
            if (takeaways.size() == MAX_TAKEAWAYS) {
                break;
            }
            String s = item.isTextual() ? kept("keyTakeaways", citations.field(modelText.plain(item.asText()), sources, TAKEAWAY_MAX)) : null;
            if (s != null && used.add(key(s))) {
                takeaways.add(s);
            }
        }
        return takeaways;
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

    /** Letters and digits only, citations ignored: "Fast [1]" and "fast" are the same point. */
    private static String key(String s) {
        return s.replaceAll("\\[[\\d\\s,;–-]{1,40}\\]", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
