package io.github.tldrbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tldrbot.card.TextShortener;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the chat-completions request that asks a model for a TL;DR card (SPEC §5.1).
 *
 * <p>The system message states the task and the rules: use only the given title and text (no
 * invented facts, numbers or links), plain text, the meaning and length of each field, and the
 * audience ids to choose from with their labels and descriptions. The user message carries the
 * title, the link (so {@code whatToDoNext} may point to it) and the article text cut to
 * {@code maxInputChars} at a word boundary. The card's JSON schema is sent as a {@code json_schema}
 * response format where the server supports it and is always also described in the prompt, so JSON
 * mode and plain-text servers get the same instructions.
 *
 * <p>{@link #VERSION} is part of the cache key: changing the prompt invalidates cached cards.
 * Immutable and thread-safe.
 */
final class CardPrompt {

    /** Bump when the prompt or schema changes, so cached cards from the old prompt are not reused. */
    static final String VERSION = "card-prompt-1";

    private final ObjectMapper json;
    private final String model;
    private final double temperature;
    private final int maxInputChars;
    private final List<AudienceConfig> audiences;
    private final String systemText;
    private final ObjectNode schema;
    private final TextShortener shortener = new TextShortener();

    CardPrompt(ObjectMapper json, String model, double temperature, int maxInputChars, List<AudienceConfig> audiences) {
        this.json = json;
        this.model = model;
        this.temperature = temperature;
        this.maxInputChars = Math.max(2, maxInputChars);
        this.audiences = List.copyOf(audiences);
        this.schema = buildSchema();
        this.systemText = buildSystemText();
    }

    /** What is sent about one article, and the key its card is cached under. */
    record Input(String title, String link, String text, String contentHash) {
    }

    /** The title, link and text to send for {@code article}, with its content hash. */
    Input input(Article article) {
        String title = article.title() == null ? "" : article.title().strip();
        String body = article.contentText() != null && !article.contentText().isBlank()
                ? article.contentText() : article.summary();
        String text = body == null ? "" : shortener.shorten(body, maxInputChars);
        String link = article.link() == null ? "" : article.link();
        return new Input(title, link, text, sha256(model + "\n" + VERSION + "\n" + title + "\n" + link + "\n" + text));
    }

    /** The request body for {@code input} in {@code format}. */
    ObjectNode requestBody(Input input, ResponseFormat format) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("temperature", temperature);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemText);
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

    private String userText(Input input) {
        return "Title: " + input.title() + "\n"
                + (input.link().isEmpty() ? "" : "Link: " + input.link() + "\n")
                + "\nArticle text:\n" + (input.text().isEmpty() ? "(none: use the title only)" : input.text());
    }

    private ObjectNode buildSchema() {
        ObjectNode s = json.createObjectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode props = s.putObject("properties");
        for (String field : List.of("tldr", "whatChanged", "whyItMatters", "whatToDoNext")) {
            ArrayNode types = props.putObject(field).putArray("type");
            types.add("string");
            if (!field.equals("tldr")) {
                types.add("null");
            }
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
        ArrayNode required = s.putArray("required");
        List.of("tldr", "whatChanged", "whyItMatters", "whatToDoNext", "whoShouldCare", "keyTakeaways").forEach(required::add);
        return s;
    }

    private String buildSystemText() {
        StringBuilder b = new StringBuilder();
        b.append("You write TL;DR cards for news articles posted to a chat channel.\n")
                .append("Rules:\n")
                .append("- Use ONLY facts stated in the given title and article text. Do not invent facts, names, numbers, dates or links.\n")
                .append("- Plain text only: no HTML, no Markdown, no emoji.\n")
                .append("- Write in the language of the article.\n")
                .append("- If the text does not support a field, use null (or an empty list). Never write filler such as \"No information\".\n")
                .append("Fields:\n")
                .append("- tldr: one or two sentences, at most ").append(CardResponseParser.FIELD_MAX)
                .append(" characters, that say the news. Required.\n")
                .append("- whatChanged: the concrete change or event, at most ").append(CardResponseParser.FIELD_MAX).append(" characters.\n")
                .append("- whyItMatters: the consequence for the reader, at most ").append(CardResponseParser.FIELD_MAX).append(" characters.\n")
                .append("- whatToDoNext: one concrete action (try it, read the notes, patch, watch for ...), at most ")
                .append(CardResponseParser.FIELD_MAX).append(" characters; you may include the article link given below or a link that appears in the text, no other link.\n")
                .append("- whoShouldCare: 1 to ").append(CardResponseParser.MAX_AUDIENCES)
                .append(" audience ids from the list below, most relevant first. Use the ids exactly; no other values.\n")
                .append("- keyTakeaways: up to ").append(CardResponseParser.MAX_TAKEAWAYS).append(" short points (at most ")
                .append(CardResponseParser.TAKEAWAY_MAX).append(" characters each) that do not repeat the fields above.\n")
                .append("Audiences (id: label - description):\n");
        for (AudienceConfig a : audiences) {
            b.append("- ").append(a.id()).append(": ").append(a.label());
            if (a.description() != null && !a.description().isBlank()) {
                b.append(" - ").append(a.description().strip());
            }
            b.append('\n');
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
