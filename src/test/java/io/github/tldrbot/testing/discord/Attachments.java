package io.github.tldrbot.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files on the stand-in's "CDN": attachments a test hands to the bot (an interaction's file
 * option) and files the bot uploads (multipart message bodies, as JDA sends a message with files).
 * Both are served at {@code GET /attachments/{id}/{filename}} on the REST server, so the bot
 * downloads over 127.0.0.1 and a test reads what was uploaded.
 */
final class Attachments {
    /** A stored file. */
    record File(String id, String filename, String contentType, byte[] content) {
    }

    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern PART_FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Snowflakes snowflakes;
    private final ObjectMapper mapper;

    Attachments(Snowflakes snowflakes, ObjectMapper mapper) {
        this.snowflakes = snowflakes;
        this.mapper = mapper;
    }

    /** Stores a file and returns Discord's attachment object for it. */
    ObjectNode add(String baseUrl, String filename, String contentType, byte[] content) {
        String id = Long.toString(snowflakes.next());
        files.put(id, new File(id, filename, contentType, content.clone()));
        String url = baseUrl + "attachments/" + id + "/" + filename;
        ObjectNode a = mapper.createObjectNode();
        a.put("id", id).put("filename", filename).put("size", content.length).put("url", url).put("proxy_url", url)
                .put("content_type", contentType);
        return a;
    }

    Optional<File> find(String id) {
        return Optional.ofNullable(files.get(id));
    }

    /** The CDN: answers {@code GET /attachments/{id}/{filename}} with the file, or 404. */
    void serve(HttpExchange exchange, String rawPath) throws IOException {
        String[] parts = rawPath.split("/");
        Optional<File> file = parts.length >= 3 ? find(parts[2]) : Optional.empty();
        if (file.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
        exchange.sendResponseHeaders(200, file.get().content().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.get().content());
        }
    }

    /**
     * Turns a {@code multipart/form-data} body into the JSON body of its {@code payload_json} part,
     * storing each {@code files[n]} part and putting its full attachment object where the payload's
     * {@code attachments} entry with id {@code n} was (or adding one).
     */
    String fromMultipart(byte[] body, String contentType, String baseUrl) throws IOException {
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String payload = "{}";
        Map<String, ObjectNode> uploaded = new LinkedHashMap<>();
        for (String part : raw.split("--" + Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher name = PART_NAME.matcher(headers);
            if (!name.find()) {
                continue;
            }
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            if (name.group(1).equals("payload_json")) {
                payload = new String(bytes, StandardCharsets.UTF_8);
            } else if (name.group(1).startsWith("files[")) {
                Matcher filename = PART_FILENAME.matcher(headers);
                String type = Arrays.stream(headers.split("\r\n")).filter(h -> h.toLowerCase().startsWith("content-type:"))
                        .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElse("application/octet-stream");
                String index = name.group(1).substring(6, name.group(1).length() - 1);
                uploaded.put(index, add(baseUrl, filename.find() ? filename.group(1) : "file", type, bytes));
            }
        }
        JsonNode tree = mapper.readTree(payload);
        ObjectNode json = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
        ArrayNode merged = mapper.createArrayNode();
        json.path("attachments").forEach(a -> {
            ObjectNode full = uploaded.remove(a.path("id").asText());
            if (full != null) {
                merged.add(full);
            } else if (a.has("url")) {
                merged.add(a);
            }
        });
        uploaded.values().forEach(merged::add);
        json.set("attachments", merged);
        return mapper.writeValueAsString(json);
    }
}
