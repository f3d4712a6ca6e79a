package io.github.tldrbot.store;

import io.github.tldrbot.config.ShardSet;
import io.github.tldrbot.config.Shards;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Which outbox rows a process works on (SPEC §13), as SQL: rows of guilds on the shards it runs
 * <em>now</em> (the set changes when it takes over a dead process's shard, so the condition is
 * built per query), and — for rows left {@code sending} — only those whose claiming process is
 * dead, so a live process's sends in flight are never settled twice.
 *
 * @param shards    the shards run now; guild arithmetic {@code (guild_id >> 22) % total}
 * @param processId the process's id, recorded on every claim; null for a store without heartbeats
 *                  (every {@code sending} row of its guilds is then its own to settle)
 * @param deadAfter how old a claimer's heartbeat may be before the claimer counts as dead
 */
public record OutboxScope(Shards shards, String processId, Duration deadAfter) {
    /** One process, every shard, no heartbeat. */
    public static OutboxScope single() {
        return new OutboxScope(ShardSet.single(), null, Duration.ZERO);
    }

    /**
     * {@code " AND (…)"} on {@code guildColumn}, or {@code ""} when every shard is run here. Rows whose
     * guild is not known yet match too: whichever process can see the channel resolves them. The
     * numbers are ints from the config, never user text.
     */
    String ownGuilds(String guildColumn) {
        if (shards.ownsAll()) {
            return "";
        }
        if (shards.ids().isEmpty()) {
            return " AND " + guildColumn + " IS NULL";
        }
        String ids = shards.ids().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return " AND (" + guildColumn + " IS NULL OR (" + guildColumn + " >> 22) % " + shards.total() + " IN (" + ids + "))";
    }

    /** {@code " AND …"}: a {@code sending} row nobody live is working on; binds with {@link #bindOrphaned}. */
    String orphaned(String claimerColumn) {
        return processId == null ? ""
                : " AND (" + claimerColumn + " IS NULL OR (" + claimerColumn + " <> ? AND " + claimerColumn
                        + " NOT IN (SELECT id FROM processes WHERE heartbeat_at >= ?)))";
    }

    /** Binds {@link #orphaned}'s parameters from {@code index}; returns the next index. */
    int bindOrphaned(PreparedStatement statement, int index, Instant now) throws SQLException {
        if (processId == null) {
            return index;
        }
        statement.setString(index, processId);
        statement.setLong(index + 1, now.minus(deadAfter).toEpochMilli());
        return index + 2;
    }
}
