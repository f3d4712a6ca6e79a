package io.github.tldrbot.config;

import java.util.List;

/**
 * {@code discord.*}: an empty token means preview mode.
 *
 * @param shards the shards this process runs (SPEC §13); {@link ShardSet#single()} by default
 */
public record DiscordConfig(String token, String apiBaseUrl, String gatewayUrl, List<String> commandGuilds, ShardSet shards) {
    public DiscordConfig {
        commandGuilds = List.copyOf(commandGuilds);
    }

    /** One shard, as before sharding existed. */
    public DiscordConfig(String token, String apiBaseUrl, String gatewayUrl, List<String> commandGuilds) {
        this(token, apiBaseUrl, gatewayUrl, commandGuilds, ShardSet.single());
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    /** Never print the token: records print their components, so this one is masked. */
    @Override
    public String toString() {
        return "DiscordConfig[token=" + (hasToken() ? "****" : "") + ", apiBaseUrl=" + apiBaseUrl
                + ", gatewayUrl=" + gatewayUrl + ", commandGuilds=" + commandGuilds + ", shards=" + shards + "]";
    }
}
