package io.github.tldrbot.cluster;

/** A configured shard another live process runs and will not give back: two processes configured for one shard. */
public final class ShardConflictException extends Exception {
    public ShardConflictException(String message) {
        super(message);
    }
}
