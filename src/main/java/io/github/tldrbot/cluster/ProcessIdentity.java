package io.github.tldrbot.cluster;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.store.ProcessRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/**
 * This process among the others on the store (SPEC §13): a fresh id per start, the host and pid
 * (so a restart on the same host recognises its killed predecessor at once), and the shards
 * {@code discord.shards} gives it.
 */
public record ProcessIdentity(String id, String host, long pid, ShardSet configured) {
    /** The running JVM. */
    public static ProcessIdentity current(ShardSet configured) {
        return new ProcessIdentity(UUID.randomUUID().toString(), hostName(), ProcessHandle.current().pid(), configured);
    }

    /** The row {@code processes} keeps for it. */
    public ProcessRecord record(Instant now) {
        return new ProcessRecord(id, host, pid, configured.ids(), configured.total(), now, now);
    }

    /** "host:pid", for logs. */
    public String describe() {
        return host + ":" + pid;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env; // a container's name survives its restarts, and needs no DNS
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
