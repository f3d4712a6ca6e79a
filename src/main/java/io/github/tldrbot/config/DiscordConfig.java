package io.github.tldrbot.config;

import java.util.List;

/** {@code discord.*}: an empty token means preview mode. */
public record DiscordConfig(String token, String apiBaseUrl, String gatewayUrl, List<String> commandGuilds) {
    public DiscordConfig {
        commandGuilds = List.copyOf(commandGuilds);
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    /** Never print the token: records print their components, so this one is masked. */
    @Override
    public String toString() {
        return "DiscordConfig[token=" + (hasToken() ? "****" : "") + ", apiBaseUrl=" + apiBaseUrl
                + ", gatewayUrl=" + gatewayUrl + ", commandGuilds=" + commandGuilds + "]";
    }
}
