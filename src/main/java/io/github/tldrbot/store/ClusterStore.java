package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The {@code processes} and {@code shard_leases} tables (SPEC §13): who is alive, by heartbeat, and
 * which process runs which Discord shard right now. A process is alive while its heartbeat is newer
 * than the dead-after window; the feed claims, outbox rows and shards of a dead one are taken over.
 */
public final class ClusterStore {
    private static final String COLUMNS = "id, host, pid, configured_shards, shard_total, started_at, heartbeat_at";

    private final Database database;

    public ClusterStore(Database database) {
        this.database = database;
    }

    /** Records this process as alive from {@code process.startedAt()}. */
    public void register(ProcessRecord process) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, process.id());
                insert.setString(2, process.host());
                insert.setLong(3, process.pid());
                insert.setString(4, process.configuredShards().stream().map(String::valueOf).collect(Collectors.joining(",")));
                insert.setInt(5, process.shardTotal());
                insert.setLong(6, process.startedAt().toEpochMilli());
                insert.setLong(7, process.heartbeatAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * The heartbeat: this process is alive at {@code now}, and the feed claims it holds last until
     * {@code now + feedLease} (renewed while their polls run, so a lease can be short).
     */
    public void beat(String processId, Instant now, Duration feedLease) {
        database.write(connection -> {
            try (PreparedStatement beat = connection.prepareStatement("UPDATE processes SET heartbeat_at = ? WHERE id = ?");
                 PreparedStatement renew = connection.prepareStatement(
                         "UPDATE feeds SET lease_until = ? WHERE lease_owner = ? AND lease_until IS NOT NULL")) {
                beat.setLong(1, now.toEpochMilli());
                beat.setString(2, processId);
                beat.executeUpdate();
                renew.setLong(1, now.plus(feedLease).toEpochMilli());
                renew.setString(2, processId);
                return renew.executeUpdate();
            }
        });
    }

    /**
     * Declares dead, at once, the earlier processes of this host whose pid is no longer running (or
     * is this process's own pid: a restarted container reuses pid 1), so a restart takes back what a
     * killed run held without waiting for its heartbeat to go stale. Returns how many were found.
     */
    public int buryDeadOnHost(String host, String selfId, LongPredicate pidRunning) {
        return database.write(connection -> {
            List<String> dead = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, pid FROM processes WHERE host = ? AND id <> ? AND heartbeat_at > 0")) {
                select.setString(1, host);
                select.setString(2, selfId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!pidRunning.test(rows.getLong("pid"))) {
                            dead.add(rows.getString("id"));
                        }
                    }
                }
            }
            try (PreparedStatement bury = connection.prepareStatement("UPDATE processes SET heartbeat_at = 0 WHERE id = ?")) {
                for (String id : dead) {
                    bury.setString(1, id);
                    bury.addBatch();
                }
                if (!dead.isEmpty()) {
                    bury.executeBatch();
                }
            }
            return dead.size();
        });
    }

    /** The processes whose heartbeat is newer than {@code now - deadAfter}, by start time. */
    public List<ProcessRecord> live(Instant now, Duration deadAfter) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM processes WHERE heartbeat_at >= ? ORDER BY started_at, id")) {
                select.setLong(1, now.minus(deadAfter).toEpochMilli());
                List<ProcessRecord> live = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        live.add(process(rows));
                    }
                }
                return live;
            }
        });
    }

    /** Shard id → the process that runs it now (only shards someone took). */
    public Map<Integer, String> shardHolders() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT shard_id, process_id FROM shard_leases");
                 ResultSet rows = select.executeQuery()) {
                Map<Integer, String> holders = new TreeMap<>();
                while (rows.next()) {
                    holders.put(rows.getInt(1), rows.getString(2));
                }
                return holders;
            }
        });
    }

    /**
     * Takes a shard for {@code processId}: one nobody holds ({@code from} null), or one held by
     * {@code from} (a dead process, or this one already). Atomic: of two processes trying at once,
     * one gets it. True when this process holds the shard afterwards.
     */
    public boolean takeShard(int shard, String processId, String from, Instant now) {
        return database.write(connection -> {
            String sql = from == null
                    ? "INSERT INTO shard_leases (shard_id, process_id, taken_at) VALUES (?, ?, ?) ON CONFLICT (shard_id) DO NOTHING"
                    : "UPDATE shard_leases SET shard_id = ?, process_id = ?, taken_at = ? WHERE shard_id = ? AND process_id = ?";
            try (PreparedStatement take = connection.prepareStatement(sql)) {
                take.setInt(1, shard);
                take.setString(2, processId);
                take.setLong(3, now.toEpochMilli());
                if (from != null) {
                    take.setInt(4, shard);
                    take.setString(5, from);
                }
                return take.executeUpdate() == 1;
            }
        });
    }

    /** Gives a shard up, if this process holds it. */
    public void releaseShard(int shard, String processId) {
        database.write(connection -> {
            try (PreparedStatement release = connection.prepareStatement(
                    "DELETE FROM shard_leases WHERE shard_id = ? AND process_id = ?")) {
                release.setInt(1, shard);
                release.setString(2, processId);
                return release.executeUpdate();
            }
        });
    }

    /**
     * A clean stop: the process's shards, feed claims and its row go, so the others take over at
     * once instead of after the dead-after window.
     */
    public void leave(String processId) {
        database.write(connection -> {
            for (String sql : List.of("DELETE FROM shard_leases WHERE process_id = ?",
                    "UPDATE feeds SET lease_until = NULL, lease_owner = NULL WHERE lease_owner = ?",
                    "DELETE FROM processes WHERE id = ?")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, processId);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    private static ProcessRecord process(ResultSet row) throws SQLException {
        String shards = row.getString("configured_shards");
        List<Integer> configured = shards.isEmpty() ? List.of() : Arrays.stream(shards.split(",")).map(Integer::valueOf).toList();
        return new ProcessRecord(row.getString("id"), row.getString("host"), row.getLong("pid"), configured, row.getInt("shard_total"),
                Instant.ofEpochMilli(row.getLong("started_at")), Instant.ofEpochMilli(row.getLong("heartbeat_at")));
    }
}
