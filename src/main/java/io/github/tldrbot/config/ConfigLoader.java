package io.github.tldrbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code config/tldr-bot.yaml} (SPEC §3): YAML through Jackson, {@code ${VAR}} substitution,
 * the documented default for every absent key, and validation whose errors name the key. A file
 * may name only what it changes; an empty file is a valid configuration.
 */
public final class ConfigLoader {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*");
    /** A language name: letters with spaces, hyphens, apostrophes or brackets ("Brazilian Portuguese"), one line. */
    private static final Pattern LANGUAGE_NAME = Pattern.compile("\\p{L}[\\p{L} '()-]{1,39}");
    private final EnvSubstitution env;
    private final List<AudienceConfig> defaultAudiences;
    private final BuildInfo build;

    /** @param defaultAudiences used when the file has no {@code audiences} key */
    public ConfigLoader(List<AudienceConfig> defaultAudiences) {
        this(EnvSubstitution.fromSystem(), defaultAudiences, BuildInfo.load());
    }

    ConfigLoader(EnvSubstitution env, List<AudienceConfig> defaultAudiences, BuildInfo build) {
        this.env = env;
        this.defaultAudiences = List.copyOf(defaultAudiences);
        this.build = build;
    }

    public BotConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist; pass --config PATH or create it from the shipped example");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public BotConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + " is not valid YAML" + yamlProblem(e) + "; fix the file or compare it with the shipped example");
        }
        ConfigSection top = new ConfigSection("", root, env);
        BotConfig config = new BotConfig(
                new DiscordReader().read(top.section("discord")),
                storage(top.section("storage")),
                fetch(top.section("fetch")),
                polling(top.section("polling")),
                summarizer(top.section("summarizer")),
                new AudienceReader().read(top.sections("audiences"), defaultAudiences),
                limits(top.section("limits")),
                retention(top.section("retention")),
                new ServerReader().read(top.section("server")),
                List.of(), List.of());
        Set<String> audienceIds = new HashSet<>();
        config.audiences().forEach(a -> audienceIds.add(a.id()));
        List<FeedEntryConfig> feeds = new EntryReader(audienceIds).feeds(top.sections("feeds"));
        List<RecapEntryConfig> recaps = new EntryReader(audienceIds).recaps(top.sections("recaps"));
        top.finish();
        return new BotConfig(config.discord(), config.storage(), config.fetch(), config.polling(), config.summarizer(),
                config.audiences(), config.limits(), config.retention(), config.server(), feeds, recaps);
    }

    /** SnakeYAML's messages span several lines with a source excerpt; keep the line number and the problem. */
    private static String yamlProblem(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return " at line " + (m.getProblemMark().getLine() + 1) + ": " + m.getProblem();
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return where + ": " + e.getOriginalMessage().lines().findFirst().orElse("").strip();
    }

    private static StorageConfig storage(ConfigSection s) {
        String url = s.string("jdbcUrl", "jdbc:sqlite:data/tldr-bot.db");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(s.key("jdbcUrl") + ": '" + url.replaceAll("(?i)(password=)[^&;]*", "$1****")
                    + "' is not supported; use jdbc:sqlite:PATH or jdbc:postgresql://HOST:PORT/DATABASE");
        }
        StorageConfig c = new StorageConfig(url, s.string("username", ""), s.string("password", ""));
        s.finish();
        return c;
    }

    private FetchConfig fetch(ConfigSection s) {
        FetchConfig c = new FetchConfig(
                s.string("userAgent", build.userAgent()),
                s.duration("timeout", Duration.ofSeconds(15)),
                s.size("maxBodySize", 10L * 1024 * 1024),
                s.integer("maxRedirects", 5, 0, 20),
                s.integer("maxConcurrent", 32, 1, 1024),
                s.integer("perHostConcurrent", 2, 1, 64),
                s.bool("allowPrivateNetworks", false));
        if (c.userAgent().isBlank()) {
            throw new ConfigException(s.key("userAgent") + ": must not be empty; feed servers block anonymous clients");
        }
        s.finish();
        return c;
    }

    private static PollingConfig polling(ConfigSection s) {
        PollingConfig c = new PollingConfig(
                s.duration("dispatchEvery", Duration.ofSeconds(30)),
                s.duration("defaultInterval", Duration.ofMinutes(15)),
                s.duration("minInterval", Duration.ofMinutes(2)),
                s.duration("maxInterval", Duration.ofHours(1)),
                s.duration("maxArticleAge", Duration.ofDays(3)),
                s.integer("maxPostsPerPoll", 5, 1, 100),
                s.integer("maxFailuresBeforeDisable", 10, 1, 10_000));
        if (c.minInterval().compareTo(c.maxInterval()) > 0) {
            throw new ConfigException(s.key("minInterval") + ": must not be longer than polling.maxInterval ("
                    + Units.format(c.maxInterval()) + ")");
        }
        if (c.defaultInterval().compareTo(c.minInterval()) < 0 || c.defaultInterval().compareTo(c.maxInterval()) > 0) {
            throw new ConfigException(s.key("defaultInterval") + ": must lie between polling.minInterval ("
                    + Units.format(c.minInterval()) + ") and polling.maxInterval (" + Units.format(c.maxInterval()) + ")");
        }
        s.finish();
        return c;
    }

    private static SummarizerConfig summarizer(ConfigSection s) {
        String kind = s.string("kind", "extractive").trim();
        if (!kind.equals("extractive") && !kind.equals("openai")) {
            throw new ConfigException(s.key("kind") + ": '" + kind + "' is not a summarizer; use extractive or openai");
        }
        OpenAiConfig openai = openai(s.section("openai"), kind.equals("openai"));
        String language = language(s);
        String instructions = s.string("instructions", "").replace("\r\n", "\n").strip();
        if (instructions.length() > SummarizerConfig.INSTRUCTIONS_MAX) {
            throw new ConfigException(s.key("instructions") + ": " + instructions.length() + " characters; keep it to "
                    + SummarizerConfig.INSTRUCTIONS_MAX + " (it is sent with every request)");
        }
        s.finish();
        return new SummarizerConfig(kind, openai, language, instructions);
    }

    /** {@code auto}, a known ISO 639 code or tag ({@code de}, {@code pt-BR}), or a language name ({@code French}). */
    private static String language(ConfigSection s) {
        String v = s.string("language", SummarizerConfig.AUTO_LANGUAGE).strip();
        if (v.equalsIgnoreCase(SummarizerConfig.AUTO_LANGUAGE)) {
            return SummarizerConfig.AUTO_LANGUAGE;
        }
        String use = "; use auto (each article's language), a code such as en or de, or a language name such as French";
        if (LANGUAGE_TAG.matcher(v).matches()) {
            String primary = v.split("-")[0].toLowerCase(Locale.ROOT);
            String name = Locale.forLanguageTag(primary).getDisplayLanguage(Locale.ENGLISH);
            if (name.isEmpty() || name.equalsIgnoreCase(primary)) {
                throw new ConfigException(s.key("language") + ": '" + v + "' is not a known ISO 639 language code" + use);
            }
            return primary + v.substring(primary.length());
        }
        if (!LANGUAGE_NAME.matcher(v).matches()) {
            throw new ConfigException(s.key("language") + ": '" + v + "' is not a language" + use);
        }
        return v;
    }

    private static OpenAiConfig openai(ConfigSection s, boolean used) {
        OpenAiConfig c = new OpenAiConfig(
                s.httpUrl("baseUrl", "http://localhost:11434/v1"),
                s.string("model", ""),
                s.string("apiKey", ""),
                s.duration("timeout", Duration.ofSeconds(60)),
                s.integer("maxConcurrent", 2, 1, 256),
                s.integer("requestsPerMinute", 60, 1, 100_000),
                s.integer("maxInputChars", 12_000, 500, 1_000_000),
                number(s, "temperature", 0.2, 0.0, 2.0));
        if (used && c.model().isBlank()) {
            throw new ConfigException(s.key("model") + ": missing; name the model the server runs, e.g. llama3.1:8b (Ollama) "
                    + "or mistral-small-latest (Mistral)");
        }
        s.finish();
        return c;
    }

    private static double number(ConfigSection s, String name, double def, double min, double max) {
        String v = s.string(name, null);
        if (v == null) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key(name) + ": '" + v + "' is not a number");
        }
        if (d < min || d > max) {
            throw new ConfigException(s.key(name) + ": " + v + " is out of range; use " + min + " to " + max);
        }
        return d;
    }

    private static LimitsConfig limits(ConfigSection s) {
        LimitsConfig c = new LimitsConfig(s.integer("feedsPerGuild", 50, 1, 10_000));
        s.finish();
        return c;
    }

    private static RetentionConfig retention(ConfigSection s) {
        RetentionConfig c = new RetentionConfig(s.duration("articles", Duration.ofDays(90)));
        s.finish();
        return c;
    }

    /** Reads {@code feeds:} and {@code recaps:} entries; audience names must be configured ids. */
    private static final class EntryReader {
        private final Set<String> audienceIds;

        EntryReader(Set<String> audienceIds) {
            this.audienceIds = audienceIds;
        }

        List<FeedEntryConfig> feeds(List<ConfigSection> entries) {
            List<FeedEntryConfig> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ConfigSection e : entries == null ? List.<ConfigSection>of() : entries) {
                String url = e.string("url", null);
                if (url == null || url.isBlank()) {
                    throw new ConfigException(e.key("url") + ": missing; every feed entry needs the feed's http(s) URL");
                }
                url = url.trim();
                if (!url.matches("(?i)https?://[^\\s/?#]+\\S*")) {
                    throw new ConfigException(e.key("url") + ": '" + url + "' is not an http(s) URL");
                }
                String channel = e.string("channel", null);
                if (channel != null && !channel.matches("[1-9]\\d{0,19}")) {
                    throw new ConfigException(e.key("channel") + ": '" + channel + "' is not a channel id (a number like 123456789012345678)");
                }
                String audience = audience(e);
                FeedEntryConfig f = new FeedEntryConfig(url, channel, audience, e.string("include", null),
                        e.string("exclude", null), fullText(e), FeedTargetReader.thread(e), FeedTargetReader.webhook(e));
                if (!seen.add(url + " " + channel)) {
                    throw new ConfigException(e.key("url") + ": " + url + " is listed twice" + (channel == null ? "" : " for channel " + channel));
                }
                e.finish();
                out.add(f);
            }
            return out;
        }

        List<RecapEntryConfig> recaps(List<ConfigSection> entries) {
            List<RecapEntryConfig> out = new ArrayList<>();
            for (ConfigSection e : entries == null ? List.<ConfigSection>of() : entries) {
                String channel = e.string("channel", null);
                if (channel == null || !channel.matches("[1-9]\\d{0,19}")) {
                    throw new ConfigException(e.key("channel") + ": " + (channel == null ? "missing" : "'" + channel + "' is not a channel id")
                            + "; give the id of the channel the recap goes to");
                }
                String period = e.string("period", "week");
                if (!List.of("day", "week", "month").contains(period)) {
                    throw new ConfigException(e.key("period") + ": '" + period + "' is not one of day, week, month");
                }
                String cron = e.string("cron", null);
                if (cron == null || !org.quartz.CronExpression.isValidExpression(cron)) {
                    throw new ConfigException(e.key("cron") + ": " + (cron == null ? "missing" : "'" + cron + "' is not a valid Quartz cron expression")
                            + "; e.g. \"0 0 9 ? * MON\" for Mondays 09:00 UTC");
                }
                out.add(new RecapEntryConfig(channel, period, audience(e), cron));
                e.finish();
            }
            return out;
        }

        private static FullTextMode fullText(ConfigSection e) {
            String value = e.string("fullText", null);
            if (value == null) {
                return FullTextMode.AUTO;
            }
            return FullTextMode.parse(value).orElseThrow(() -> new ConfigException(e.key("fullText") + ": '" + value
                    + "' is not one of auto, always, never (auto: read the article page when the feed gives only a teaser)"));
        }

        private String audience(ConfigSection e) {
            String audience = e.string("audience", null);
            if (audience != null && !audienceIds.contains(audience)) {
                throw new ConfigException(e.key("audience") + ": unknown audience '" + audience + "'; configured: " + String.join(", ", audienceIds));
            }
            return audience;
        }
    }
}
