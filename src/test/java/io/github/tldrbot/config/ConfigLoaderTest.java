package io.github.tldrbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final List<AudienceConfig> DEFAULTS = List.of(
            new AudienceConfig("developers", "Developers", "people who build", 0x3366FF, Map.of("api", 2.0)),
            new AudienceConfig("security", "Security", "defenders", null, Map.of("cve", 3.0)));
    private final Map<String, String> env = new java.util.HashMap<>();
    private final ConfigLoader loader = new ConfigLoader(new EnvSubstitution(env::get), DEFAULTS, new BuildInfo("1.2.3", "https://example.org/bot"));

    @Test
    void maxIntervalDefaultsToOneHourAndTheOtherDefaultsFitInsideIt() {
        // SPEC §4.3: a quiet feed that wakes up is posted within the hour
        PollingConfig p = loader.parse("", "test").polling();
        assertThat(p.maxInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(p.defaultInterval()).isBetween(p.minInterval(), p.maxInterval());
        // raising only defaultInterval past the new default max is refused with the key named
        assertThatThrownBy(() -> loader.parse("polling: {defaultInterval: 2h}", "test"))
                .hasMessageContaining("polling.defaultInterval").hasMessageContaining("maxInterval (1h)");
    }

    @Test
    void aWebSubPublicUrlNeedsTheServerPortItsCallbacksAreServedOn() {
        expectError("server: {publicUrl: 'https://bot.example.org'}", "server.publicUrl", "server.port");
        assertThat(loader.parse("server: {port: 8080, publicUrl: 'https://bot.example.org'}", "test").server().webSub()).isTrue();
        assertThat(loader.parse("server: {port: 8080}", "test").server().webSub()).isFalse();
    }

    @Test
    void emptyFileGivesEveryDocumentedDefault() {
        BotConfig c = loader.parse("", "test");
        assertThat(c.discord().hasToken()).isFalse();
        assertThat(c.discord().apiBaseUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(c.discord().gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
        assertThat(c.storage().jdbcUrl()).isEqualTo("jdbc:sqlite:data/tldr-bot.db");
        assertThat(c.fetch().userAgent()).isEqualTo("tldr-bot/1.2.3 (+https://example.org/bot)");
        assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.fetch().maxBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.fetch().maxRedirects()).isEqualTo(5);
        assertThat(c.fetch().maxConcurrent()).isEqualTo(32);
        assertThat(c.fetch().perHostConcurrent()).isEqualTo(2);
        assertThat(c.fetch().allowPrivateNetworks()).isFalse();
        assertThat(c.polling()).isEqualTo(new PollingConfig(Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(3), 5, 10));
        assertThat(c.summarizer().kind()).isEqualTo("extractive");
        assertThat(c.audiences()).isEqualTo(DEFAULTS);
        assertThat(c.limits().feedsPerGuild()).isEqualTo(50);
        assertThat(c.retention().articles()).isEqualTo(Duration.ofDays(90));
        assertThat(c.feeds()).isEmpty();
        assertThat(c.recaps()).isEmpty();
    }

    @Test
    void aFileMayNameOnlyWhatItChanges() {
        BotConfig c = loader.parse("fetch: {allowPrivateNetworks: true}", "test");
        assertThat(c.fetch().allowPrivateNetworks()).isTrue();
        assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void durationsAndSizesInTheirNotation() {
        BotConfig c = loader.parse("""
                fetch: {timeout: 500ms, maxBodySize: 512KB}
                polling: {dispatchEvery: 2s, minInterval: 1m, defaultInterval: 90s, maxInterval: 2h, maxArticleAge: 7d}
                retention: {articles: 30d}
                """, "test");
        assertThat(c.fetch().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.fetch().maxBodySize()).isEqualTo(512L * 1024);
        assertThat(c.polling().dispatchEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.polling().defaultInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.polling().maxArticleAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.retention().articles()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void environmentVariablesAndDefaults() {
        env.put("DISCORD_TOKEN", "secret-token");
        env.put("AGENT", "my-agent/1");
        BotConfig c = loader.parse("""
                discord: {token: "${DISCORD_TOKEN:-}"}
                fetch: {userAgent: "${AGENT}", timeout: "${TIMEOUT:-20s}"}
                """, "test");
        assertThat(c.discord().token()).isEqualTo("secret-token");
        assertThat(c.fetch().userAgent()).isEqualTo("my-agent/1");
        assertThat(c.fetch().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.discord().toString()).doesNotContain("secret-token");
    }

    @Test
    void unsetVariableWithoutDefaultNamesKeyAndVariable() {
        assertThatThrownBy(() -> loader.parse("discord: {token: \"${NOPE}\"}", "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.token")
                .hasMessageContaining("NOPE");
    }

    @Test
    void emptyTokenMeansPreviewMode() {
        BotConfig c = loader.parse("discord: {token: \"${DISCORD_TOKEN:-}\"}", "test");
        assertThat(c.discord().hasToken()).isFalse();
    }

    @Test
    void aPostgresStoreTakesItsUrlAndLoginAndMasksThePassword() {
        BotConfig c = loader.parse("storage: {jdbcUrl: 'jdbc:postgresql://db:5432/tldr', username: bot, password: s3cret}", "test");
        assertThat(c.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/tldr");
        assertThat(c.storage().username()).isEqualTo("bot");
        assertThat(c.storage().password()).isEqualTo("s3cret");
        assertThat(c.storage().toString()).doesNotContain("s3cret");
    }

    @Test
    void invalidValuesNameTheirKey() {
        expectError("fetch: {timeout: soon}", "fetch.timeout", "30s");
        expectError("fetch: {timeout: 0s}", "fetch.timeout", "longer than zero");
        expectError("fetch: {maxBodySize: huge}", "fetch.maxBodySize", "10MB");
        expectError("fetch: {maxRedirects: -1}", "fetch.maxRedirects", "out of range");
        expectError("fetch: {perHostConcurrent: two}", "fetch.perHostConcurrent", "whole number");
        expectError("fetch: {allowPrivateNetworks: maybe}", "fetch.allowPrivateNetworks", "true or false");
        expectError("polling: {minInterval: 2h, maxInterval: 1h}", "polling.minInterval", "maxInterval");
        expectError("polling: {defaultInterval: 1m}", "polling.defaultInterval", "minInterval");
        expectError("storage: {jdbcUrl: 'mysql://x'}", "storage.jdbcUrl", "jdbc:sqlite");
        expectError("storage: {jdbcUrl: 'mysql://x'}", "storage.jdbcUrl", "jdbc:postgresql://HOST:PORT/DATABASE");
        expectError("summarizer: {kind: magic}", "summarizer.kind", "extractive");
        expectError("summarizer: {kind: openai}", "summarizer.openai.model", "missing");
        expectError("summarizer: {openai: {temperature: hot}}", "summarizer.openai.temperature", "not a number");
        expectError("summarizer: {openai: {baseUrl: 'localhost:11434'}}", "summarizer.openai.baseUrl", "http");
        expectError("summarizer: {openai: {maxConcurent: 3}}", "summarizer.openai.maxConcurent", "unknown key");
        expectError("discord: {apiBaseUrl: 'ftp://x'}", "discord.apiBaseUrl", "http");
        expectError("discord: {commandGuilds: [abc]}", "discord.commandGuilds", "guild id");
        expectError("fetch: 3", "fetch", "mapping");
    }

    @Test
    void openAiSummarizerSettingsWithDefaultsAndASecretKey() {
        env.put("MISTRAL_API_KEY", "sk-secret-value");
        BotConfig c = loader.parse("""
                summarizer:
                  kind: openai
                  openai: {baseUrl: "https://api.mistral.ai/v1", model: mistral-small-latest, apiKey: "${MISTRAL_API_KEY}", maxConcurrent: 4}
                """, "test");
        assertThat(c.summarizer().usesModel()).isTrue();
        assertThat(c.summarizer().openai().model()).isEqualTo("mistral-small-latest");
        assertThat(c.summarizer().openai().maxConcurrent()).isEqualTo(4);
        assertThat(c.summarizer().openai().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.summarizer().openai().requestsPerMinute()).isEqualTo(60);
        assertThat(c.summarizer().openai().temperature()).isEqualTo(0.2);
        assertThat(c.summarizer().toString()).doesNotContain("sk-secret-value");
        assertThat(new EffectiveConfigRenderer().render(c)).doesNotContain("sk-secret-value").contains("model: mistral-small-latest");
        BotConfig defaults = loader.parse("", "test");
        assertThat(defaults.summarizer().usesModel()).isFalse();
        assertThat(defaults.summarizer().openai().baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void unknownKeysAreErrorsThatNameThem() {
        expectError("fetch: {timout: 10s}", "fetch.timout", "unknown key");
        expectError("pollling: {}", "pollling", "unknown key");
    }

    @Test
    void brokenYamlSaysWhere() {
        expectError("fetch: {timeout: 10s\nfoo: [", "not valid YAML", "line");
    }

    @Test
    void audiencesFromTheFile() {
        BotConfig c = loader.parse("""
                audiences:
                  - id: devs
                    label: "Devs"
                    description: Builders
                    color: "#FF0000"
                    keywords: {api: 2, "open source": 1.5}
                  - id: sec
                    label: Security
                    keywords: [cve, exploit]
                """, "test");
        assertThat(c.audiences()).extracting(AudienceConfig::id).containsExactly("devs", "sec");
        assertThat(c.audiences().get(0).color()).isEqualTo(0xFF0000);
        assertThat(c.audiences().get(0).keywords()).containsEntry("open source", 1.5);
        assertThat(c.audiences().get(1).keywords()).containsEntry("cve", 1.0).containsEntry("exploit", 1.0);
    }

    @Test
    void keywordMarksAreReadInBothStyles() {
        BotConfig c = loader.parse("""
                audiences:
                  - id: devs
                    label: Devs
                    keywords:
                      library?: 1.5
                      programmier*: 2
                      исходн* код*: 2.5
                  - id: sec
                    label: Security
                    keywords: {"patch ?": 2, уязвим*: 3, "Zero Day": 3}
                """, "test");
        assertThat(c.audiences().get(0).keywords()).containsOnlyKeys("library?", "programmier*", "исходн* код*");
        assertThat(c.audiences().get(1).keywords()).containsOnlyKeys("patch?", "уязвим*", "zero day");
    }

    @Test
    void badKeywordMarksNameTheKey() {
        expectError("audiences: [{id: a, label: X, keywords: {'lib?rary': 1}}]", "audiences[0].keywords.lib?rary", "'?' may only end");
        expectError("audiences: [{id: a, label: X, keywords: {'pro*gram': 1}}]", "audiences[0].keywords.pro*gram", "'*' may only end");
        expectError("audiences: [{id: a, label: X, keywords: {'abc*': 1}}]", "audiences[0].keywords.abc*", "at least 4 letters");
        expectError("audiences: [{id: a, label: X, keywords: ['?']}]", "audiences[0].keywords[0]", "no word");
        expectError("audiences: [{id: a, label: X, keywords: {library: 1, 'library?': 2}}]", "audiences[0].keywords.library?",
                "repeats the keyword 'library'");
    }

    @Test
    void badAudiencesNameTheKey() {
        expectError("audiences: []", "audiences", "empty");
        expectError("audiences: [{label: X}]", "audiences[0].id", "missing");
        expectError("audiences: [{id: 'Big Id', label: X}]", "audiences[0].id", "lower-case");
        expectError("audiences: [{id: a, label: X}, {id: a, label: Y}]", "audiences[1].id", "twice");
        expectError("audiences: [{id: a, label: X, color: red}]", "audiences[0].color", "#RRGGBB");
        expectError("audiences: [{id: a, label: X, keywords: {api: -1}}]", "audiences[0].keywords.api", "above zero");
    }

    @Test
    void feedEntries() {
        BotConfig c = loader.parse("""
                feeds:
                  - url: https://example.org/feed.xml
                  - url: https://example.org/other.xml
                    channel: "123456789012345678"
                    audience: security
                    include: "cve, /patch(ed)?/"
                """, "test");
        assertThat(c.feeds()).hasSize(2);
        assertThat(c.feeds().get(1).audience()).isEqualTo("security");
        assertThat(c.feeds().get(1).channel()).isEqualTo("123456789012345678");
        expectError("feeds: [{url: 'not a url'}]", "feeds[0].url", "http");
        expectError("feeds: [{channel: '123456789012345678'}]", "feeds[0].url", "missing");
        expectError("feeds: [{url: 'https://x.org/f', audience: nobody}]", "feeds[0].audience", "unknown audience");
        expectError("feeds: [{url: 'https://x.org/f', chanel: 1}]", "feeds[0].chanel", "unknown key");
        expectError("feeds: [{url: 'https://x.org/f'}, {url: 'https://x.org/f'}]", "feeds[1].url", "twice");
    }

    @Test
    void feedEntryFullTextDefaultsToAutoAndIsValidated() {
        BotConfig c = loader.parse("""
                feeds:
                  - url: https://example.org/feed.xml
                  - url: https://example.org/teasers.xml
                    fullText: Always
                  - url: https://example.org/full.xml
                    fullText: never
                """, "test");
        assertThat(c.feeds()).extracting(FeedEntryConfig::fullText)
                .containsExactly(FullTextMode.AUTO, FullTextMode.ALWAYS, FullTextMode.NEVER);
        assertThat(new EffectiveConfigRenderer().render(c)).contains("fullText: always", "fullText: never");
        expectError("feeds: [{url: 'https://x.org/f', fullText: sometimes}]", "feeds[0].fullText", "'sometimes'",
                "auto, always, never");
        expectError("feeds: [{url: 'https://x.org/f', fullText: [auto]}]", "feeds[0].fullText");
    }

    @Test
    void recapEntries() {
        BotConfig c = loader.parse("recaps: [{channel: '123456789012345678', period: day, cron: '0 0 9 * * ?'}]", "test");
        assertThat(c.recaps().get(0).period()).isEqualTo("day");
        expectError("recaps: [{channel: '123456789012345678', period: year, cron: '0 0 9 * * ?'}]", "recaps[0].period", "day, week, month");
        expectError("recaps: [{channel: '123456789012345678', cron: 'every day'}]", "recaps[0].cron", "cron");
    }

    @Test
    void loadsFromFileAndReportsMissingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bot.yaml");
        Files.writeString(file, "limits: {feedsPerGuild: 7}\n");
        assertThat(loader.load(file).limits().feedsPerGuild()).isEqualTo(7);
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void renderedEffectiveConfigMasksSecrets() {
        env.put("T", "super-secret");
        BotConfig c = loader.parse("discord: {token: '${T}'}\nstorage: {password: hunter2}\nfetch: {timeout: 90s}", "test");
        String yaml = new EffectiveConfigRenderer().render(c);
        assertThat(yaml).doesNotContain("super-secret").doesNotContain("hunter2").contains("****").contains("timeout: 90s");
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
