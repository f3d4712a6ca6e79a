package io.github.tldrbot.config;

/**
 * {@code summarizer.*}: which summarizer writes the cards.
 *
 * @param kind   {@code extractive} (offline, the default) or {@code openai}
 * @param openai the model endpoint; always present (defaults), used when {@code kind} is {@code openai}
 */
public record SummarizerConfig(String kind, OpenAiConfig openai) {
    public boolean usesModel() {
        return "openai".equals(kind);
    }
}
