package io.github.tldrbot.config;

import java.util.List;

/**
 * The whole effective configuration (SPEC §3), after defaults, environment substitution and
 * validation. Built only by {@link ConfigLoader}; every other class receives the part it needs.
 */
public record BotConfig(
        DiscordConfig discord,
        StorageConfig storage,
        FetchConfig fetch,
        PollingConfig polling,
        SummarizerConfig summarizer,
        List<AudienceConfig> audiences,
        LimitsConfig limits,
        RetentionConfig retention,
        ServerConfig server,
        List<FeedEntryConfig> feeds,
        List<RecapEntryConfig> recaps) {

    public BotConfig {
        audiences = List.copyOf(audiences);
        feeds = List.copyOf(feeds);
        recaps = List.copyOf(recaps);
    }
}
