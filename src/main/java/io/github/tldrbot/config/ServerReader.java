package io.github.tldrbot.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads {@code server:} (SPEC §3): a port from 0 (off) to 65535, and an absolute http(s) public URL or nothing. */
final class ServerReader {
    ServerConfig read(ConfigSection s) {
        String portText = s.string("port", "0");
        int port;
        try {
            port = Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key("port") + ": '" + portText + "' is not a whole number; use a port from 1 to 65535, or 0 for off");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(s.key("port") + ": " + port + " is not a port; use 1 to 65535, or 0 for off");
        }
        String publicUrl = s.string("publicUrl", "").strip();
        if (!publicUrl.isEmpty()) {
            try {
                URI uri = new URI(publicUrl);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new URISyntaxException(publicUrl, "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(s.key("publicUrl") + ": '" + publicUrl
                        + "' is not an absolute http(s) URL; write e.g. https://bot.example.org or leave it empty");
            }
        }
        if (!publicUrl.isEmpty() && port == 0) {
            throw new ConfigException(s.key("publicUrl") + ": WebSub callbacks are served on server.port, which is 0 (off); "
                    + "set server.port to the port " + publicUrl + " forwards to, or leave publicUrl empty");
        }
        s.finish();
        return new ServerConfig(port, publicUrl);
    }
}
