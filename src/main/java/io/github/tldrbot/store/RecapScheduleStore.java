package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code recap_schedules} table (SPEC §8.2): what the recap triggers are rebuilt from at every
 * start. The source column says who made a row, so the config sync never touches command rows.
 */
public final class RecapScheduleStore {
    private static final String COLUMNS = "id, guild_id, channel_id, period, audience, time_utc, weekday, cron, source,"
            + " created_at, last_run_at";

    private final Database database;

    public RecapScheduleStore(Database database) {
        this.database = database;
    }

    /** Stores a new schedule made by a command; returns it with its id. */
    public RecapSchedule add(long guildId, long channelId, String period, String audience, String timeUtc, String weekday,
                             String cron, Instant now) {
        long id = database.write(connection -> insert(connection, guildId, channelId, period, audience, timeUtc, weekday, cron,
                SubscriptionSource.COMMAND, now));
        return findById(id).orElseThrow();
    }

    /**
     * Config sync: returns the id of the config row with this channel, period, audience and cron,
     * creating it when missing (and recording the guild once it is known), in one transaction. Two
     * processes syncing the same new entry at the same moment on PostgreSQL could still both insert
     * it (no unique key spans these columns); config sync runs once per process start.
     */
    public long upsertConfig(Long guildId, long channelId, String period, String audience, String cron, Instant now) {
        return database.write(connection -> {
            Optional<RecapSchedule> same;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM recap_schedules WHERE source = 'config' AND channel_id = ? ORDER BY id")) {
                select.setLong(1, channelId);
                same = rows(select).stream()
                        .filter(s -> s.period().equals(period) && Objects.equals(s.audience(), audience) && s.cron().equals(cron))
                        .findFirst();
            }
            if (same.isEmpty()) {
                return insert(connection, guildId, channelId, period, audience, null, null, cron, SubscriptionSource.CONFIG, now);
            }
            if (guildId != null && !guildId.equals(same.get().guildId())) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE recap_schedules SET guild_id = ? WHERE id = ?")) {
                    update.setLong(1, guildId);
                    update.setLong(2, same.get().id());
                    update.executeUpdate();
                }
            }
            return same.get().id();
        });
    }

    /** Deletes the config rows whose ids are not in {@code keep}; returns how many. Command rows are never touched. */
    public int deleteConfigSchedulesNotIn(Set<Long> keep) {
        return database.write(connection -> {
            List<Long> stale = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM recap_schedules WHERE source = 'config'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!keep.contains(rows.getLong(1))) {
                        stale.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM recap_schedules WHERE id = ?")) {
                for (long id : stale) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
            return stale.size();
        });
    }

    public Optional<RecapSchedule> findById(long id) {
        List<RecapSchedule> found = list("SELECT " + COLUMNS + " FROM recap_schedules WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The guild's schedules, by id. */
    public List<RecapSchedule> listForGuild(long guildId) {
        return list("SELECT " + COLUMNS + " FROM recap_schedules WHERE guild_id = ? ORDER BY id", guildId);
    }

    public List<RecapSchedule> listAll() {
        return list("SELECT " + COLUMNS + " FROM recap_schedules ORDER BY id", null);
    }

    /** Deletes one of the guild's schedules; false when it has no schedule with that id. */
    public boolean delete(long guildId, long id) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM recap_schedules WHERE id = ? AND guild_id = ?")) {
                delete.setLong(1, id);
                delete.setLong(2, guildId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** Records a post, so a restart can tell a missed run from one that happened. */
    public void markRun(long id, Instant at) {
        markRun(id, at, null);
    }

    /**
     * Claims the run of schedule {@code id} due at {@code fireTime}, once across processes (SPEC
     * §13): true for the first caller, false when that run (or a later one) was already claimed. The
     * claim is the run's record; {@link #markRun} later adds the posting time and message.
     */
    public boolean claimRun(long id, Instant fireTime) {
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(
                    "UPDATE recap_schedules SET last_run_at = ? WHERE id = ? AND (last_run_at IS NULL OR last_run_at < ?)")) {
                claim.setLong(1, fireTime.toEpochMilli());
                claim.setLong(2, id);
                claim.setLong(3, fireTime.toEpochMilli());
                return claim.executeUpdate() == 1;
            }
        });
    }

    /** Records a run and, when it posted, the message (kept for the cards' weekly recap link). */
    public void markRun(long id, Instant at, Long messageId) {
        if (messageId == null) {
            update("UPDATE recap_schedules SET last_run_at = ? WHERE id = ?", at.toEpochMilli(), id);
        } else {
            database.write(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE recap_schedules SET last_run_at = ?, last_message_id = ? WHERE id = ?")) {
                    statement.setLong(1, at.toEpochMilli());
                    statement.setLong(2, messageId);
                    statement.setLong(3, id);
                    return statement.executeUpdate();
                }
            });
        }
    }

    /**
     * The message of the guild's most recently posted weekly recap (SPEC §5.4: cards link it), when a
     * weekly schedule has posted one.
     */
    public Optional<PostedRecap> findLatestWeeklyRecap(long guildId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT channel_id, last_message_id FROM recap_schedules WHERE guild_id = ? AND period = 'week'"
                            + " AND last_message_id IS NOT NULL ORDER BY last_run_at DESC NULLS LAST, id DESC LIMIT 1")) {
                select.setLong(1, guildId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new PostedRecap(guildId, row.getLong("channel_id"), row.getLong("last_message_id")))
                            : Optional.empty();
                }
            }
        });
    }

    private static long insert(Connection connection, Long guildId, long channelId, String period, String audience,
                               String timeUtc, String weekday, String cron, SubscriptionSource source, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO recap_schedules (guild_id, channel_id, period, audience, time_utc, weekday, cron, source, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            if (guildId == null) {
                insert.setNull(1, Types.BIGINT);
            } else {
                insert.setLong(1, guildId);
            }
            insert.setLong(2, channelId);
            insert.setString(3, period);
            insert.setString(4, audience);
            insert.setString(5, timeUtc);
            insert.setString(6, weekday);
            insert.setString(7, cron);
            insert.setString(8, source.column());
            insert.setLong(9, now.toEpochMilli());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
            }
    }

    private void update(String sql, long value, long id) {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, value);
                statement.setLong(2, id);
                return statement.executeUpdate();
            }
        });
    }

    private List<RecapSchedule> list(String sql, Long key) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (key != null) {
                    select.setLong(1, key);
                }
                return rows(select);
            }
        });
    }

    private static List<RecapSchedule> rows(PreparedStatement select) throws SQLException {
        List<RecapSchedule> out = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.add(row(rows));
            }
        }
        return out;
    }

    private static RecapSchedule row(ResultSet rows) throws SQLException {
        long guild = rows.getLong("guild_id");
        Long guildId = rows.wasNull() ? null : guild;
        long lastRun = rows.getLong("last_run_at");
        Instant lastRunAt = rows.wasNull() ? null : Instant.ofEpochMilli(lastRun);
        return new RecapSchedule(rows.getLong("id"), guildId, rows.getLong("channel_id"), rows.getString("period"),
                rows.getString("audience"), rows.getString("time_utc"), rows.getString("weekday"), rows.getString("cron"),
                SubscriptionSource.fromColumn(rows.getString("source")), Instant.ofEpochMilli(rows.getLong("created_at")), lastRunAt);
    }
}
