package io.github.tldrbot.config;

/**
 * {@code server.*} (SPEC §3, §11): the port of the status server ({@code GET /health},
 * {@code GET /metrics}); 0 = off. {@code publicUrl} is the public base URL WebSub callbacks will
 * use (§4.3); empty = no WebSub.
 */
public record ServerConfig(int port, String publicUrl) {
    public static ServerConfig off() {
        return new ServerConfig(0, "");
    }

    public boolean enabled() {
        return port > 0;
    }
}
