package io.github.tldrbot.config;

import java.time.Duration;

/**
 * {@code summarizer.openai.*}: any OpenAI-compatible chat-completions endpoint (Ollama, vLLM,
 * llama.cpp server, Mistral's API, …). {@code apiKey} may be empty (local servers need none) and is
 * never printed.
 *
 * @param baseUrl           the API root, ending in {@code /v1} for most servers; {@code chat/completions} is appended
 * @param maxConcurrent     requests in flight at once
 * @param requestsPerMinute a ceiling on the request rate (the model server's or the provider's limit)
 * @param maxInputChars     article text beyond this many characters is not sent
 */
public record OpenAiConfig(
        String baseUrl,
        String model,
        String apiKey,
        Duration timeout,
        int maxConcurrent,
        int requestsPerMinute,
        int maxInputChars,
        double temperature) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "OpenAiConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (hasApiKey() ? "****" : "")
                + ", timeout=" + timeout + ", maxConcurrent=" + maxConcurrent + ", requestsPerMinute=" + requestsPerMinute
                + ", maxInputChars=" + maxInputChars + ", temperature=" + temperature + "]";
    }
}
