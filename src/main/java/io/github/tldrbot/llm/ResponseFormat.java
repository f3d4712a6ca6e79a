package io.github.tldrbot.llm;

/**
 * How strictly a server can be told to answer in JSON, strictest first. Servers differ (vLLM and
 * recent Ollama accept a JSON schema, older llama.cpp builds only JSON mode, some proxies neither),
 * so the summarizer starts at the top and steps down when a server refuses one.
 */
enum ResponseFormat {
    /** {@code response_format: {type: json_schema, json_schema: {...}}}: output constrained to the card schema. */
    JSON_SCHEMA,
    /** {@code response_format: {type: json_object}}: any JSON object; the schema is described in the prompt. */
    JSON_OBJECT,
    /** No response_format: the prompt asks for JSON only and the first object is extracted from the answer. */
    PLAIN;

    /** The next weaker format, or null after {@link #PLAIN}. */
    ResponseFormat weaker() {
        return this == PLAIN ? null : values()[ordinal() + 1];
    }
}
