package io.github.tldrbot.config;

/**
 * {@code summarizer.*}: which summarizer writes the cards.
 *
 * @param kind         {@code extractive} (offline, the default) or {@code openai}
 * @param openai       the model endpoint; always present (defaults), used when {@code kind} is {@code openai}
 * @param language     the language model cards are written in: {@value #AUTO_LANGUAGE} (each article's
 *                     own), an ISO 639 code ({@code de}, {@code pt-BR}) or a language name ({@code French})
 * @param instructions an operator's extra guidance appended to the model's prompt (at most
 *                     {@value #INSTRUCTIONS_MAX} chars), or empty; it cannot change the card schema or
 *                     the grounding rules, which the bot enforces on every answer
 */
public record SummarizerConfig(String kind, OpenAiConfig openai, String language, String instructions) {

    public static final String AUTO_LANGUAGE = "auto";
    public static final int INSTRUCTIONS_MAX = 1000;

    public SummarizerConfig {
        language = language == null || language.isBlank() ? AUTO_LANGUAGE : language.strip();
        instructions = instructions == null ? "" : instructions.strip();
    }

    /** Article language, no operator instructions. */
    public SummarizerConfig(String kind, OpenAiConfig openai) {
        this(kind, openai, AUTO_LANGUAGE, "");
    }

    public boolean usesModel() {
        return "openai".equals(kind);
    }
}
