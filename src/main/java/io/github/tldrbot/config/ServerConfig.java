package io.github.tldrbot.config;

/**
 * {@code server.*} (SPEC §3, §11): the port of the status server ({@code GET /health},
 * {@code GET /metrics}); 0 = off. {@code publicUrl} is the public base URL of the WebSub callbacks
 * served on {@code port} (§4.3); empty = no WebSub.
 */
public record ServerConfig(int port, String publicUrl) {
    public static ServerConfig off() {
        return new ServerConfig(0, "");
    }

    public boolean enabled() {
        return port > 0;
    }

    /** Whether WebSub is on (SPEC §4.3): a public URL for the callbacks on {@code port}. */
    public boolean webSub() {
        return enabled() && !publicUrl.isEmpty();
    }
}
