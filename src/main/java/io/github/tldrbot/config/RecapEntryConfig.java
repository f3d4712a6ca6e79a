package io.github.tldrbot.config;

/** One entry of {@code recaps:} (scheduled recaps, SPEC §8.2). */
public record RecapEntryConfig(String channel, String period, String audience, String cron) {
}
