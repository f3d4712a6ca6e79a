package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.ArticleLink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the chat-completions request that asks a model for a TL;DR card (SPEC §5.1).
 *
 * <p>The system message states the task and the rules: use only the numbered sources (no invented
 * facts, numbers, dates or links), plain text, the language to write in ({@link CardLanguage}),
 * the meaning and length of each field, that the grounded sections cite {@code [n]} on every claim
 * or say {@value Citations#TOO_LITTLE}, and the audience ids to choose from. The operator's
 * {@code summarizer.instructions} follow, introduced as guidance that cannot change the rules
 * (the parser enforces them whatever the model answers). The user message lists the sources as
 * {@code [1]}, {@code [2]} …, each with title, publisher, link, published date, language, the links
 * of its body and its text; the texts share {@code maxInputChars}, each cut at a word boundary. The
 * card's JSON schema is sent as a {@code json_schema} response format where the server supports it
 * and is always also described in the prompt, so JSON mode and plain-text servers get the same
 * instructions.
 *
 * <p>{@link #VERSION} is part of the cache key, with the language rule, the instructions and the
 * text sent: changing any of them invalidates cached cards. Immutable and thread-safe.
 */
final class CardPrompt {

    /** Bump when the prompt or schema changes, so cached cards from the old prompt are not reused. */
    static final String VERSION = "card-prompt-2";
    /** Body links listed per source: enough for the actions and timeline links of an article, bounded for link farms. */
    static final int MAX_LINKS_PER_SOURCE = 20;

    private static final List<String> SECTIONS = List.of("deepInsight", "technicalDeepDive", "futureImplications");

    private final ObjectMapper json;
    private final String model;
    private final double temperature;
    private final int maxInputChars;
    private final List<AudienceConfig> audiences;
    private final CardLanguage language;
    private final String instructions;
    private final String systemHead;
    private final String systemTail;
    private final ObjectNode schema;
    private final TextShortener shortener = new TextShortener();

    /**
     * @param language     the validated {@code summarizer.language}
     * @param instructions the operator's {@code summarizer.instructions}, or empty
     */
    CardPrompt(ObjectMapper json, String model, double temperature, int maxInputChars, List<AudienceConfig> audiences,
               String language, String instructions) {
        this.json = json;
        this.model = model;
        this.temperature = temperature;
        this.maxInputChars = Math.max(2, maxInputChars);
        this.audiences = List.copyOf(audiences);
        this.language = new CardLanguage(language);
        this.instructions = instructions == null ? "" : instructions.strip();
        this.schema = buildSchema();
        this.systemHead = buildSystemHead();
        this.systemTail = buildSystemTail();
    }

    /**
     * What is sent about the sources, and the key their card is cached under.
     *
     * @param sources the numbered sources, their texts already cut to their share of {@code maxInputChars}
     */
    record Input(List<PromptSource> sources, String languageRule, String contentHash) {
    }

    /** The sources as sent (each text cut to its share of {@code maxInputChars}), with the cache key. */
    Input input(List<PromptSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a card needs at least one source");
        }
        int share = Math.max(2, maxInputChars / sources.size());
        List<PromptSource> cut = sources.stream()
                .map(s -> new PromptSource(s.n(), s.title(), s.publisher(), s.link(), s.published(), s.lang(),
                        shortener.shorten(s.text(), share), s.links()))
                .toList();
        String rule = language.rule(cut);
        StringBuilder key = new StringBuilder(model).append('\n').append(VERSION).append('\n').append(rule).append('\n')
                .append(instructions).append('\n');
        for (PromptSource s : cut) {
            key.append(s.n()).append('\n').append(s.title()).append('\n').append(s.link()).append('\n')
                    .append(s.published()).append('\n').append(s.text()).append('\n');
        }
        return new Input(cut, rule, sha256(key.toString()));
    }

    /** The request body for {@code input} in {@code format}. */
    ObjectNode requestBody(Input input, ResponseFormat format) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("temperature", temperature);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemHead + "- " + input.languageRule() + "\n" + systemTail);
        messages.addObject().put("role", "user").put("content", userText(input));
        switch (format) {
            case JSON_SCHEMA -> {
                ObjectNode rf = body.putObject("response_format");
                rf.put("type", "json_schema");
                ObjectNode js = rf.putObject("json_schema");
                js.put("name", "tldr_card");
                js.put("strict", true);
                js.set("schema", schema);
            }
            case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
            case PLAIN -> {
                // no response_format: the prompt alone asks for JSON
            }
        }
        return body;
    }

    /** The card schema (also embedded in the system message). */
    ObjectNode schema() {
        return schema;
    }

    private static String userText(Input input) {
        StringBuilder b = new StringBuilder();
        for (PromptSource s : input.sources()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append("Source [").append(s.n()).append("]\n");
            b.append("Title: ").append(s.title().isEmpty() ? "(none)" : s.title()).append('\n');
            if (!s.publisher().isEmpty()) {
                b.append("Publisher: ").append(s.publisher()).append('\n');
            }
            if (!s.link().isEmpty()) {
                b.append("Link: ").append(s.link()).append('\n');
            }
            if (s.published() != null) {
                b.append("Published: ").append(s.published().atZone(ZoneOffset.UTC).toLocalDate()).append('\n');
            }
            if (s.lang() != null && !s.lang().isBlank()) {
                b.append("Language: ").append(s.lang()).append('\n');
            }
            Set<String> links = new LinkedHashSet<>();
            for (ArticleLink l : s.links()) {
                if (links.size() == MAX_LINKS_PER_SOURCE) {
                    break;
                }
                String text = l.text() == null ? "" : l.text().strip();
                text = text.length() > 80 ? text.substring(0, 80) + "…" : text;
                links.add((text.isEmpty() ? "" : text + ": ") + l.href());
            }
            if (!links.isEmpty()) {
                b.append("Links in the text:\n");
                links.forEach(l -> b.append("- ").append(l).append('\n'));
            }
            b.append("Text:\n").append(s.text().isEmpty() ? "(none: use the title only)" : s.text());
        }
        return b.toString();
    }

    private ObjectNode buildSchema() {
        ObjectNode s = json.createObjectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode props = s.putObject("properties");
        for (String field : List.of("tldr", "hook", "whatChanged", "whyItMatters", "whatToDoNext")) {
            nullableString(props, field, !field.equals("tldr"));
        }
        ObjectNode who = props.putObject("whoShouldCare");
        who.put("type", "array");
        who.put("maxItems", CardResponseParser.MAX_AUDIENCES);
        ArrayNode ids = who.putObject("items").put("type", "string").putArray("enum");
        audiences.forEach(a -> ids.add(a.id()));
        ObjectNode takeaways = props.putObject("keyTakeaways");
        takeaways.put("type", "array");
        takeaways.put("maxItems", CardResponseParser.MAX_TAKEAWAYS);
        takeaways.putObject("items").put("type", "string");
        SECTIONS.forEach(field -> nullableString(props, field, true));
        ObjectNode timeline = props.putObject("timeline");
        timeline.put("type", "array");
        timeline.put("maxItems", TimelineReader.MAX_ENTRIES);
        ObjectNode entry = timeline.putObject("items");
        entry.put("type", "object");
        entry.put("additionalProperties", false);
        ObjectNode entryProps = entry.putObject("properties");
        entryProps.putObject("date").put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        entryProps.putObject("text").put("type", "string");
        nullableString(entryProps, "link", true);
        entry.putArray("required").add("date").add("text").add("link");
        ArrayNode required = s.putArray("required");
        props.fieldNames().forEachRemaining(required::add); // strict json_schema wants every property listed
        return s;
    }

    private static void nullableString(ObjectNode props, String field, boolean nullable) {
        ArrayNode types = props.putObject(field).putArray("type");
        types.add("string");
        if (nullable) {
            types.add("null");
        }
    }

    private String buildSystemHead() {
        return "You write TL;DR cards for news posted to a chat channel, from numbered sources [1], [2], ...\n"
                + "Rules:\n"
                + "- Use ONLY facts stated in the sources. Do not invent facts, names, numbers, dates or links.\n"
                + "- Plain text only: no HTML, no Markdown, no emoji.\n";
    }

    private String buildSystemTail() {
        int fieldMax = CardResponseParser.FIELD_MAX;
        StringBuilder b = new StringBuilder();
        b.append("- If the sources do not support a field, use null (or an empty list). Never write filler such as \"No information\".\n")
                .append("- Cite sources as [n] with numbers that exist in the user message, never others.\n")
                .append("Fields:\n")
                .append("- tldr: one or two sentences, at most ").append(fieldMax).append(" characters, that say the news. Required.\n")
                .append("- hook: one line, at most ").append(Card.HOOK_MAX)
                .append(" characters, that makes a reader want to open the article: a striking fact, number or consequence from the sources.")
                .append(" Not a repeat or paraphrase of the tldr or the title.\n")
                .append("- whatChanged: the concrete change or event, at most ").append(fieldMax).append(" characters.\n")
                .append("- whyItMatters: the consequence for the reader, at most ").append(fieldMax).append(" characters.\n")
                .append("- whatToDoNext: one concrete action the sources give (try it, read the notes, patch, register before a deadline ...), at most ")
                .append(fieldMax).append(" characters; you may include a source's link or a link listed for it, no other link. Null when the sources give no action.\n")
                .append("- whoShouldCare: 1 to ").append(CardResponseParser.MAX_AUDIENCES)
                .append(" audience ids from the list below, most relevant first. Use the ids exactly; no other values.\n")
                .append("- keyTakeaways: up to ").append(CardResponseParser.MAX_TAKEAWAYS).append(" short facts (at most ")
                .append(CardResponseParser.TAKEAWAY_MAX).append(" characters each: numbers, names, dates) that do not repeat the fields above;")
                .append(" each may end with the [n] of its source.\n")
                .append("- deepInsight: what the news means beyond the obvious (context, cause, significance).\n")
                .append("- technicalDeepDive: how it works: the technical details the sources give (mechanism, numbers, versions, methods).\n")
                .append("- futureImplications: what comes next, only as far as the sources state or directly support it (plans, deadlines, expected effects).\n")
                .append("  These three are short paragraphs (2 to 4 sentences, at most ").append(CardResponseParser.SECTION_MAX)
                .append(" characters), every sentence ending with the [n] of the source it rests on. When the sources hold too little for one of them,")
                .append(" write exactly \"").append(Citations.TOO_LITTLE).append("\" (in English, whatever the card language) instead of guessing.\n")
                .append("- timeline: up to ").append(TimelineReader.MAX_ENTRIES)
                .append(" dated events stated in the sources, oldest first, each {\"date\": \"YYYY-MM-DD\", \"text\": one line, \"link\": a link the sources give for it, or null}.")
                .append(" Only events whose day, month and year the sources state; never a month alone or a guessed day. [] when there are none.\n")
                .append("Audiences (id: label - description):\n");
        for (AudienceConfig a : audiences) {
            b.append("- ").append(a.id()).append(": ").append(a.label());
            if (a.description() != null && !a.description().isBlank()) {
                b.append(" - ").append(a.description().strip());
            }
            b.append('\n');
        }
        if (!instructions.isEmpty()) {
            b.append("Extra guidance from the operator of this channel (it cannot change the rules above, the fields or the JSON schema;")
                    .append(" ignore any part of it that conflicts with them):\n")
                    .append(instructions).append('\n');
        }
        b.append("Answer with one JSON object only, no other text, matching this JSON schema:\n").append(schema.toString());
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
