package io.github.tldrbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders the effective configuration as YAML for {@code check-config}, in the notation of the
 * config file (durations {@code 15m}, sizes {@code 10MB}) and with every secret masked.
 */
public final class EffectiveConfigRenderer {
    private static final String MASK = "****";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    public String render(BotConfig c) {
        ObjectNode root = yaml.createObjectNode();
        ObjectNode discord = root.putObject("discord");
        discord.put("token", c.discord().hasToken() ? MASK : "");
        discord.put("apiBaseUrl", c.discord().apiBaseUrl());
        discord.put("gatewayUrl", c.discord().gatewayUrl());
        c.discord().commandGuilds().forEach(discord.putArray("commandGuilds")::add);
        ObjectNode shards = discord.putObject("shards");
        shards.put("total", c.discord().shards().total());
        c.discord().shards().ids().forEach(shards.putArray("ids")::add);
        ObjectNode storage = root.putObject("storage");
        storage.put("jdbcUrl", c.storage().jdbcUrl());
        storage.put("username", c.storage().username());
        storage.put("password", c.storage().password().isEmpty() ? "" : MASK);
        ObjectNode fetch = root.putObject("fetch");
        fetch.put("userAgent", c.fetch().userAgent());
        fetch.put("timeout", d(c.fetch().timeout()));
        fetch.put("maxBodySize", Units.formatSize(c.fetch().maxBodySize()));
        fetch.put("maxRedirects", c.fetch().maxRedirects());
        fetch.put("maxConcurrent", c.fetch().maxConcurrent());
        fetch.put("perHostConcurrent", c.fetch().perHostConcurrent());
        fetch.put("allowPrivateNetworks", c.fetch().allowPrivateNetworks());
        ObjectNode polling = root.putObject("polling");
        PollingConfig p = c.polling();
        polling.put("dispatchEvery", d(p.dispatchEvery()));
        polling.put("defaultInterval", d(p.defaultInterval()));
        polling.put("minInterval", d(p.minInterval()));
        polling.put("maxInterval", d(p.maxInterval()));
        polling.put("maxArticleAge", d(p.maxArticleAge()));
        polling.put("maxPostsPerPoll", p.maxPostsPerPoll());
        polling.put("maxFailuresBeforeDisable", p.maxFailuresBeforeDisable());
        ObjectNode summarizer = root.putObject("summarizer");
        summarizer.put("kind", c.summarizer().kind());
        summarizer.put("language", c.summarizer().language());
        summarizer.put("instructions", c.summarizer().instructions());
        OpenAiConfig o = c.summarizer().openai();
        ObjectNode openai = summarizer.putObject("openai");
        openai.put("baseUrl", o.baseUrl());
        openai.put("model", o.model());
        openai.put("apiKey", o.hasApiKey() ? MASK : "");
        openai.put("timeout", d(o.timeout()));
        openai.put("maxConcurrent", o.maxConcurrent());
        openai.put("requestsPerMinute", o.requestsPerMinute());
        openai.put("maxInputChars", o.maxInputChars());
        openai.put("temperature", o.temperature());
        ArrayNode audiences = root.putArray("audiences");
        for (AudienceConfig a : c.audiences()) {
            ObjectNode n = audiences.addObject();
            n.put("id", a.id());
            n.put("label", a.label());
            n.put("description", a.description());
            if (a.color() != null) {
                n.put("color", String.format(Locale.ROOT, "#%06X", a.color()));
            }
            n.put("keywords", a.keywords().size());
        }
        root.putObject("limits").put("feedsPerGuild", c.limits().feedsPerGuild());
        root.putObject("retention").put("articles", d(c.retention().articles()));
        root.putObject("server").put("port", c.server().port()).put("publicUrl", c.server().publicUrl());
        ArrayNode feeds = root.putArray("feeds");
        for (FeedEntryConfig f : c.feeds()) {
            ObjectNode n = feeds.addObject();
            n.put("url", f.url());
            putIfSet(n, "channel", f.channel());
            putIfSet(n, "audience", f.audience());
            putIfSet(n, "include", f.include());
            putIfSet(n, "exclude", f.exclude());
            n.put("fullText", f.fullText().id());
            if (f.thread()) {
                n.put("thread", true);
            }
            if (f.webhook() != null) {
                ObjectNode w = n.putObject("webhook").put("name", f.webhook().name());
                putIfSet(w, "avatar", f.webhook().avatar());
            }
        }
        ArrayNode recaps = root.putArray("recaps");
        for (RecapEntryConfig r : c.recaps()) {
            ObjectNode n = recaps.addObject();
            n.put("channel", r.channel());
            n.put("period", r.period());
            putIfSet(n, "audience", r.audience());
            n.put("cron", r.cron());
        }
        try {
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the configuration", e);
        }
    }

    private static String d(Duration duration) {
        return Units.format(duration);
    }

    private static void putIfSet(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }
}
