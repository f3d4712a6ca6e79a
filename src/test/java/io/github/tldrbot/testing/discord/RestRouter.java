package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord REST API below {@code /api/v10/}: the routes the bot uses, the per-channel message
 * rate limit with Discord's headers, injected faults, and a log of every request. Unknown routes
 * answer 404 and are logged with {@code routed=false} so a test notices a gap.
 */
final class RestRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
    static final String BASE_PATH = "/api/v10/";
    /** Discord's bucket hash for "create message"; JDA keys buckets by hash plus channel id. */
    static final String MESSAGE_BUCKET = "fake-create-message-bucket";

    record Call(String method, String path, Matcher params, Map<String, String> query, JsonNode body,
                        Map<String, List<String>> headers) {
        long id(int group) {
            return Long.parseLong(params.group(group));
        }
    }

    record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, body, new LinkedHashMap<>());
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, Pattern pattern, boolean needsAuth, Handler handler) {
    }

    private static final Pattern CHANNEL_PATH = Pattern.compile("^channels/(\\d+)(/.*)?$");

    private final ObjectMapper mapper;
    private final DiscordJson json;
    private final DiscordState state;
    private final FaultPlan faults;
    private final ChannelRateLimiter limiter;
    private final RequestLog log;
    private final String token;
    private final Supplier<String> gatewayUrl;
    private final int shards;
    private final Attachments attachments;
    private final List<Route> routes = new ArrayList<>();

    RestRouter(ObjectMapper mapper, DiscordJson json, DiscordState state, FaultPlan faults, ChannelRateLimiter limiter,
               RequestLog log, String token, Supplier<String> gatewayUrl, int shards, Attachments attachments) {
        this.attachments = attachments;
        this.mapper = mapper;
        this.json = json;
        this.state = state;
        this.faults = faults;
        this.limiter = limiter;
        this.log = log;
        this.token = token;
        this.gatewayUrl = gatewayUrl;
        this.shards = shards;
        route("GET", "users/@me", true, c -> Reply.json(200, json.botUser()));
        route("GET", "gateway", false, c -> Reply.json(200, json.object().put("url", gatewayUrl.get())));
        route("GET", "gateway/bot", true, this::gatewayBot);
        route("POST", "channels/(\\d+)/messages", true, this::createMessage);
        route("GET", "channels/(\\d+)/messages", true, this::history);
        route("GET", "channels/(\\d+)/messages/(\\d+)", true, this::oneMessage);
        route("PATCH", "channels/(\\d+)/messages/(\\d+)", true, this::editMessage);
        route("DELETE", "channels/(\\d+)/messages/(\\d+)", true, c -> state.deleteMessage(c.id(1), c.params().group(2))
                ? new Reply(204, null, new LinkedHashMap<>()) : error(404, 10008, "Unknown Message"));
        route("GET", "channels/(\\d+)", true, this::channel);
        route("PUT", "applications/(\\d+)/commands", true,
                c -> Reply.json(200, state.putCommands("global", c.id(1), null, c.body())));
        route("GET", "applications/(\\d+)/commands", true, c -> Reply.json(200, state.commands("global")));
        route("PUT", "applications/(\\d+)/guilds/(\\d+)/commands", true,
                c -> Reply.json(200, state.putCommands("guild:" + c.id(2), c.id(1), c.id(2), c.body())));
        route("GET", "applications/(\\d+)/guilds/(\\d+)/commands", true,
                c -> Reply.json(200, state.commands("guild:" + c.id(2))));
        route("POST", "interactions/(\\d+)/([^/]+)/callback", false, this::callback);
        TargetRoutes targetRoutes = new TargetRoutes(this, json, state);
        targetRoutes.register();
        route("PATCH", "webhooks/(\\d+)/([^/]+)/messages/@original", false,
                c -> Reply.json(200, state.webhookMessage(c.params().group(2), objectBody(c), true)));
        route("DELETE", "webhooks/(\\d+)/([^/]+)/messages/@original", false, c -> {
            state.deleteOriginal(c.params().group(2));
            return new Reply(204, null, new LinkedHashMap<>());
        });
        route("POST", "webhooks/(\\d+)/([^/]+)", false, c -> state.targets().isChannelWebhook(c.id(1))
                ? targetRoutes.executeWebhook(c)
                : Reply.json(200, state.webhookMessage(c.params().group(2), objectBody(c), false)));
    }

    void route(String method, String regex, boolean needsAuth, Handler handler) {
        routes.add(new Route(method, Pattern.compile("^" + regex + "$"), needsAuth, handler));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String path = rawPath.startsWith(BASE_PATH) ? rawPath.substring(BASE_PATH.length()) : rawPath;
        String pathWithQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        byte[] bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.readAllBytes();
        }
        String bodyText = new String(bodyBytes, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        if (method.equals("GET") && rawPath.startsWith("/attachments/")) {
            attachments.serve(exchange, rawPath);
            return;
        }
        String contentType = first(headers, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            // a message with files (JDA sends them so): the JSON is the payload_json part
            bodyText = attachments.fromMultipart(bodyBytes, contentType,
                    "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/");
        }

        Outcome outcome;
        try {
            outcome = route(method, rawPath.startsWith(BASE_PATH), path, uri.getRawQuery(), bodyText, headers);
        } catch (RuntimeException e) {
            LOG.warn("stand-in route failed path={} error={}", path, e.toString());
            ObjectNode body = json.object().put("message", "500: stand-in error " + e).put("code", 0);
            outcome = new Outcome(Reply.json(500, body), true, false);
        }
        Reply reply = outcome.reply();
        if (outcome.drop()) {
            log.add(new RecordedRequest(method, pathWithQuery, headers, bodyText, -1, true, arrived));
            exchange.close(); // no response headers sent: the JDK server closes the socket
            return;
        }
        log.add(new RecordedRequest(method, pathWithQuery, headers, bodyText, reply.status(), outcome.routed(),
                arrived));
        write(exchange, reply);
    }

    private record Outcome(Reply reply, boolean routed, boolean drop) {
    }

    private Outcome route(String method, boolean underBase, String path, String rawQuery, String bodyText,
                          Map<String, List<String>> headers) {
        Optional<Route> found = Optional.empty();
        Matcher matcher = null;
        if (underBase) {
            for (Route r : routes) {
                Matcher m = r.pattern().matcher(path);
                if (r.method().equals(method) && m.matches()) {
                    found = Optional.of(r);
                    matcher = m;
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            LOG.warn("stand-in has no route method={} path={}", method, path);
            return new Outcome(error(404, 0, "404: Not Found"), false, false);
        }
        Route route = found.get();
        if (route.needsAuth() && !("Bot " + token).equals(first(headers, "authorization"))) {
            return new Outcome(error(401, 0, "401: Unauthorized"), true, false);
        }
        JsonNode body;
        try {
            body = bodyText.isBlank() ? json.object() : mapper.readTree(bodyText);
        } catch (IOException e) {
            return new Outcome(error(400, 50109, "The request body contains invalid JSON."), true, false);
        }
        Call call = new Call(method, path, matcher, query(rawQuery), body, headers);

        Matcher channel = CHANNEL_PATH.matcher(path);
        Long channelId = channel.matches() ? Long.parseLong(channel.group(1)) : null;
        ChannelRateLimiter.Decision limit = null;
        if (channelId != null && method.equals("POST") && path.endsWith("/messages")) {
            limit = limiter.acquire(channelId);
            if (!limit.allowed()) {
                return new Outcome(tooManyRequests(limit.resetAfterMillis(), limit), true, false);
            }
        }
        boolean drop = false;
        long stallAfter = 0;
        if (channelId != null) {
            Optional<Fault> fault = faults.take(channelId);
            if (fault.isPresent()) {
                Fault f = fault.get();
                switch (f.kind()) {
                    case ERROR -> {
                        return new Outcome(withLimit(error(f.status(), f.code(), f.message()), limit), true, false);
                    }
                    case RATE_LIMIT -> {
                        limiter.countRejection(channelId);
                        return new Outcome(tooManyRequests(f.delayMillis(), limit), true, false);
                    }
                    case SLOW -> sleep(f.delayMillis());
                    case ACCEPT_THEN_DROP -> drop = true;
                    case ACCEPT_THEN_STALL -> stallAfter = f.delayMillis();
                }
            }
        }
        Reply reply = route.handler().handle(call);
        if (stallAfter > 0) {
            sleep(stallAfter);
        }
        return new Outcome(withLimit(reply, limit), true, drop);
    }

    private Reply gatewayBot(Call c) {
        ObjectNode d = json.object();
        d.put("url", gatewayUrl.get());
        d.put("shards", shards);
        // as for large bots: several shards may identify at once, so a test does not wait 5 s per shard
        d.putObject("session_start_limit")
                .put("total", 1000).put("remaining", 1000).put("reset_after", 0).put("max_concurrency", 16);
        return Reply.json(200, d);
    }

    private Reply createMessage(Call c) {
        long channelId = c.id(1);
        if (state.guildOfChannel(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel");
        }
        long perms = state.botPermissions(channelId);
        if ((perms & Permission.VIEW_CHANNEL.getRawValue()) == 0) {
            return error(403, 50001, "Missing Access");
        }
        if (state.guildOfChannel(channelId).flatMap(g -> g.channel(channelId)).map(ChannelSpec::type).orElse(0) == ChannelSpec.FORUM) {
            return error(400, 50024, "Cannot execute action on this channel type"); // a forum takes posts (threads) only
        }
        if ((perms & Permission.MESSAGE_SEND.getRawValue()) == 0) {
            return error(403, 50013, "Missing Permissions");
        }
        if (!(c.body() instanceof ObjectNode body) || (body.path("content").asText("").isEmpty()
                && body.path("embeds").isEmpty())) {
            return error(400, 50006, "Cannot send an empty message");
        }
        return Reply.json(200, state.createMessage(channelId, body).message());
    }

    private Reply history(Call c) {
        if (state.guildOfChannel(c.id(1)).isEmpty()) {
            return error(404, 10003, "Unknown Channel");
        }
        int limit = Math.max(1, Math.min(100, Integer.parseInt(c.query().getOrDefault("limit", "50"))));
        return Reply.json(200, state.history(c.id(1), limit));
    }

    private Reply oneMessage(Call c) {
        String wanted = c.params().group(2);
        return state.messages(c.id(1)).stream()
                .filter(m -> m.path("id").asText().equals(wanted))
                .findFirst()
                .map(m -> Reply.json(200, m))
                .orElseGet(() -> error(404, 10008, "Unknown Message"));
    }

    /** Discord replaces the fields the body carries (content, embeds, allowed mentions) and sets edited_timestamp. */
    private Reply editMessage(Call c) {
        if (!(c.body() instanceof ObjectNode body)) {
            return error(400, 50035, "Invalid Form Body");
        }
        return state.editMessage(c.id(1), c.params().group(2), body)
                .map(m -> Reply.json(200, m))
                .orElseGet(() -> error(404, 10008, "Unknown Message"));
    }

    private Reply channel(Call c) {
        return state.channelJson(c.id(1)).map(ch -> Reply.json(200, ch))
                .orElseGet(() -> error(404, 10003, "Unknown Channel"));
    }

    private Reply callback(Call c) {
        state.recordCallback(c.params().group(1), c.params().group(2), objectBody(c));
        return new Reply(204, null, new LinkedHashMap<>());
    }

    ObjectNode objectBody(Call c) {
        return c.body() instanceof ObjectNode o ? o : json.object();
    }

    Reply error(int status, int code, String message) {
        return Reply.json(status, json.object().put("message", message).put("code", code));
    }

    private Reply tooManyRequests(long retryAfterMillis, ChannelRateLimiter.Decision limit) {
        ObjectNode body = json.object();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfterMillis / 1000.0);
        body.put("global", false);
        Reply reply = Reply.json(429, body);
        reply.headers().put("Retry-After", Long.toString(Math.max(1, (retryAfterMillis + 999) / 1000)));
        reply.headers().put("Via", "1.1 google");
        reply.headers().put("X-RateLimit-Scope", "user");
        return withLimit(reply, limit);
    }

    private Reply withLimit(Reply reply, ChannelRateLimiter.Decision limit) {
        if (limit != null) {
            reply.headers().put("X-RateLimit-Limit", Integer.toString(limit.limit()));
            reply.headers().put("X-RateLimit-Remaining", Integer.toString(limit.remaining()));
            reply.headers().put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", limit.resetEpochMillis() / 1000.0));
            reply.headers().put("X-RateLimit-Reset-After",
                    String.format(Locale.ROOT, "%.3f", limit.resetAfterMillis() / 1000.0));
            reply.headers().put("X-RateLimit-Bucket", MESSAGE_BUCKET);
        }
        return reply;
    }

    private void write(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(reply.body());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
