package io.github.tldrbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code feeds:} keys {@code thread} and {@code webhook} (SPEC §3, §6.5). */
class FeedTargetConfigTest {
    private final ConfigLoader loader = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get),
            List.of(new AudienceConfig("developers", "Developers", "people who build", null, Map.of("api", 2.0))),
            new BuildInfo("1.2.3", "https://example.org/bot"));

    @Test
    void threadAndWebhookAreReadAndShownByCheckConfig() {
        BotConfig c = loader.parse("""
                feeds:
                  - url: https://example.org/plain.xml
                    channel: "123456789012345678"
                  - url: https://example.org/threads.xml
                    channel: "123456789012345678"
                    thread: true
                  - url: https://example.org/radar.xml
                    channel: "223456789012345678"
                    webhook: {name: "Release Radar", avatar: "https://cdn.example.org/radar.png"}
                  - url: https://example.org/named.xml
                    channel: "223456789012345678"
                    webhook: {name: Newsroom}
                """, "test");
        assertThat(c.feeds()).extracting(FeedEntryConfig::thread).containsExactly(false, true, false, false);
        assertThat(c.feeds()).extracting(FeedEntryConfig::webhook).containsExactly(null, null,
                new WebhookConfig("Release Radar", "https://cdn.example.org/radar.png"), new WebhookConfig("Newsroom", null));
        assertThat(new EffectiveConfigRenderer().render(c))
                .contains("thread: true", "name: Release Radar", "avatar: https://cdn.example.org/radar.png", "name: Newsroom");
    }

    @Test
    void badValuesAreErrorsThatNameTheKey() {
        expectError("feeds: [{url: 'https://x.org/f', thread: sometimes}]", "feeds[0].thread", "true or false");
        expectError("feeds: [{url: 'https://x.org/f', webhook: Radar}]", "feeds[0].webhook", "mapping");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {avatar: 'https://x.org/a.png'}}]", "feeds[0].webhook.name", "missing");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {name: ''}}]", "feeds[0].webhook.name", "empty");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {name: 'Discord News'}}]", "feeds[0].webhook.name", "discord");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {name: '" + "n".repeat(81) + "'}}]", "feeds[0].webhook.name", "80");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {name: Radar, avatar: 'ftp://x.org/a.png'}}]",
                "feeds[0].webhook.avatar", "http(s)");
        expectError("feeds: [{url: 'https://x.org/f', webhook: {name: Radar, colour: red}}]", "feeds[0].webhook.colour", "unknown key");
    }

    private void expectError(String yaml, String... fragments) {
        assertThatThrownBy(() -> loader.parse(yaml, "test"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }
}
