package io.github.tldrbot.testing.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Fluent set-up of a {@link FakeDiscord}: the bot account, its guilds, the limits and the shard count. */
public final class FakeDiscordBuilder {
    String token = "test-token";
    long botUserId = 1000;
    String botName = "tldr-bot";
    long applicationId;
    final List<GuildSpec.Builder> guilds = new ArrayList<>();
    int rateLimit = 5;
    Duration rateWindow = Duration.ofSeconds(5);
    Duration nonceWindow = Duration.ofMinutes(5);

    int shards = 1;

    FakeDiscordBuilder() {
    }

    /** The only token accepted (REST {@code Authorization: Bot <token>} and gateway IDENTIFY). */
    public FakeDiscordBuilder token(String token) {
        this.token = token;
        return this;
    }

    public FakeDiscordBuilder botUser(long id, String name) {
        this.botUserId = id;
        this.botName = name;
        return this;
    }

    /** Application id (defaults to the bot user id, as for most bots). */
    public FakeDiscordBuilder applicationId(long id) {
        this.applicationId = id;
        return this;
    }

    /** Adds a guild the bot is in, described by {@code spec}. */
    public FakeDiscordBuilder guild(Consumer<GuildSpec.Builder> spec) {
        GuildSpec.Builder g = new GuildSpec.Builder();
        spec.accept(g);
        guilds.add(g);
        return this;
    }

    /** Per-channel create-message limit (Discord: 5 per 5 s). */
    public FakeDiscordBuilder messageRateLimit(int limit, Duration window) {
        this.rateLimit = limit;
        this.rateWindow = window;
        return this;
    }

    /** How long a repeated nonce returns the earlier message (Discord: a few minutes). */
    public FakeDiscordBuilder nonceWindow(Duration window) {
        this.nonceWindow = window;
        return this;
    }

    /**
     * How many shards Discord asks the bot to run ({@code GET gateway/bot}); the gateway serves any
     * {@code [id, total]} a client identifies with, each session seeing the guilds of its shard.
     */
    public FakeDiscordBuilder shards(int total) {
        this.shards = total;
        return this;
    }

    public FakeDiscord build() {
        return new FakeDiscord(this);
    }
}
