package io.github.tldrbot.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code discord:} section: token, endpoints, command guilds and {@code shards}
 * (SPEC §3, §13). {@code shards: {total: N}} without {@code ids} runs all N shards in this process;
 * errors name the key ({@code discord.shards.ids: 3 is not below total 2}).
 */
final class DiscordReader {

    DiscordConfig read(ConfigSection s) {
        String token = s.string("token", "");
        String api = s.httpUrl("apiBaseUrl", "https://discord.com/api/v10/");
        String gateway = s.wsUrl("gatewayUrl", "wss://gateway.discord.gg/");
        List<String> commandGuilds = s.strings("commandGuilds");
        for (String guild : commandGuilds) {
            if (!guild.matches("[1-9]\\d{0,19}")) {
                throw new ConfigException(s.key("commandGuilds") + ": '" + guild + "' is not a guild id (a number like 123456789012345678)");
            }
        }
        ShardSet shards = shards(s.section("shards"));
        s.finish();
        return new DiscordConfig(token, api, gateway, commandGuilds, shards);
    }

    private static ShardSet shards(ConfigSection s) {
        String totalText = s.string("total", "1");
        int total = whole(s, "total", totalText);
        if (total < 1) {
            throw new ConfigException(s.key("total") + ": " + total + " must be at least 1");
        }
        boolean named = s.raw("ids") != null;
        List<String> texts = s.strings("ids");
        s.finish();
        if (!named) {
            return ShardSet.all(total);
        }
        // ids: [] is a poll-only process (SPEC §13): it polls and fills the outbox, sends nothing
        List<Integer> ids = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String text : texts) {
            int id = whole(s, "ids", text);
            if (id < 0) {
                throw new ConfigException(s.key("ids") + ": " + id + " is negative; shard ids run from 0 to total - 1");
            }
            if (id >= total) {
                throw new ConfigException(s.key("ids") + ": " + id + " is not below total " + total
                        + "; shard ids run from 0 to " + (total - 1));
            }
            if (!seen.add(id)) {
                throw new ConfigException(s.key("ids") + ": " + id + " is listed twice");
            }
            ids.add(id);
        }
        return new ShardSet(total, ids);
    }

    private static int whole(ConfigSection s, String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key(name) + ": '" + text + "' is not a whole number");
        }
    }
}
