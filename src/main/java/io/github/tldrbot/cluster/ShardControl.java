package io.github.tldrbot.cluster;

/** Starts and stops one Discord gateway shard of this process (the JDA shard manager in discord/). */
public interface ShardControl {
    /** Connects shard {@code id} and returns once its guilds are loaded; false when it did not get ready in time. */
    boolean start(int id) throws InterruptedException;

    /** Disconnects shard {@code id}. */
    void stop(int id);
}
