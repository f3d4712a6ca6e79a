package io.github.tldrbot.config;

/** {@code summarizer.*}: which summarizer writes the cards. Only {@code extractive} exists so far. */
public record SummarizerConfig(String kind) {
}
