package io.github.tldrbot.config;

/** {@code limits.*}. */
public record LimitsConfig(int feedsPerGuild) {
}
