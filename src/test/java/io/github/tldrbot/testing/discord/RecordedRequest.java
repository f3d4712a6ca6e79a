package io.github.tldrbot.testing.discord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One REST request as the stand-in saw it, so tests can assert what JDA actually sent.
 *
 * @param method  HTTP method
 * @param path    path below the API base, with query, e.g. {@code channels/1/messages?limit=5}
 * @param headers request headers (names lower-case)
 * @param body    request body as text ("" when none)
 * @param status  status answered; {@code -1} when the connection was dropped without an answer
 * @param routed  false when no route matched (answered 404): a test should treat that as a gap in
 *                the stand-in or an unexpected call by the bot
 * @param time    when the request arrived
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
                              int status, boolean routed, Instant time) {
    /** First value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
