package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code feeds} table: feeds to poll, their HTTP validators, schedule, failures and lease.
 *
 * <p>Polling state changes only through the {@code record*} methods, each of which also releases
 * the lease that {@link #claimDue} took, so a feed is owned by exactly one poller from claim to
 * result.
 */
public final class FeedStore {
    private static final String COLUMNS = "id, url, title, site_link, etag, last_modified, status, disabled_reason,"
            + " consecutive_failures, last_error, failing_since, last_polled_at, last_success_at, next_poll_at,"
            + " lease_until, seeded, poll_interval_ms, created_at";

    private final Database database;

    /** A feed nobody holds: no lease, an expired one, or one whose owner process is dead; 3 parameters ({@link #bindUnheld}). */
    private static final String UNHELD = " AND (lease_until IS NULL OR lease_until < ? OR (lease_owner IS NOT NULL"
            + " AND lease_owner <> ? AND lease_owner NOT IN (SELECT id FROM processes WHERE heartbeat_at >= ?)))";

    public FeedStore(Database database) {
        this.database = database;
    }

    /**
     * Adds a feed by URL, due at once, or finds the existing one; returns its id either way.
     *
     * @param interval the starting poll interval ({@code polling.defaultInterval})
     */
    public long add(String url, Instant now, Duration interval) {
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO feeds (url, status, next_poll_at, poll_interval_ms, created_at)"
                            + " VALUES (?, 'active', ?, ?, ?) ON CONFLICT (url) DO NOTHING")) {
                insert.setString(1, url);
                insert.setLong(2, now.toEpochMilli());
                insert.setLong(3, interval.toMillis());
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
            }
            return findByUrl(connection, url).orElseThrow().id();
        });
    }

    public Optional<FeedRecord> findById(long id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE id = ?")) {
                select.setLong(1, id);
                return first(select);
            }
        });
    }

    public Optional<FeedRecord> findByUrl(String url) {
        return database.read(connection -> findByUrl(connection, url));
    }

    /** All feeds, by id. */
    public List<FeedRecord> listAll() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM feeds ORDER BY id")) {
                return all(select);
            }
        });
    }

    /** {@link #claimDue(Instant, Duration, int, String, Duration)} for a caller that runs no heartbeat (tests, tools). */
    public List<FeedRecord> claimDue(Instant now, Duration lease, int limit) {
        return claimDue(now, lease, limit, null, Duration.ZERO);
    }

    /**
     * Atomically leases up to {@code limit} active feeds whose poll is due and which nobody holds,
     * most overdue first: no lease, an expired one, or one whose owner process is dead (no heartbeat
     * within {@code deadAfter}, SPEC §13). A feed returned here is returned to nobody else until its
     * lease ends or a {@code record*} method releases it; the owner's heartbeat renews the lease
     * while the poll runs ({@link ClusterStore#beat}), so the lease itself can be short.
     *
     * @param owner     the claiming process's id, or null when no heartbeat will renew the lease
     * @param deadAfter how old a heartbeat may be before its process counts as dead
     */
    public List<FeedRecord> claimDue(Instant now, Duration lease, int limit, String owner, Duration deadAfter) {
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(
                    "UPDATE feeds SET lease_until = ?, lease_owner = ? WHERE id IN ("
                            + "SELECT id FROM feeds WHERE status = 'active' AND next_poll_at <= ?" + UNHELD
                            + " ORDER BY next_poll_at, id LIMIT ?"
                            + database.dialect().skipLocked("feeds") + ")"
                            + " RETURNING " + COLUMNS)) {
                claim.setLong(1, now.plus(lease).toEpochMilli());
                claim.setString(2, owner);
                claim.setLong(3, now.toEpochMilli());
                bindUnheld(claim, 4, now, owner, deadAfter);
                claim.setInt(7, limit);
                List<FeedRecord> claimed = all(claim);
                claimed.sort(Comparator.comparing(FeedRecord::nextPollAt).thenComparingLong(FeedRecord::id));
                return claimed;
            }
        });
    }

    /**
     * Leases one active feed whether or not its poll is due, on the terms of {@link #claimDue}: for
     * content a WebSub hub pushed, so that a push and a poll of the same feed never run at once.
     *
     * @return the feed, or empty when it is gone, not active, or held by a live claim
     */
    public Optional<FeedRecord> claimOne(long id, Instant now, Duration lease, String owner, Duration deadAfter) {
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(
                    "UPDATE feeds SET lease_until = ?, lease_owner = ? WHERE id = ? AND status = 'active'" + UNHELD
                            + " RETURNING " + COLUMNS)) {
                claim.setLong(1, now.plus(lease).toEpochMilli());
                claim.setString(2, owner);
                claim.setLong(3, id);
                bindUnheld(claim, 4, now, owner, deadAfter);
                return first(claim);
            }
        });
    }

    private static void bindUnheld(PreparedStatement claim, int first, Instant now, String owner, Duration deadAfter)
            throws SQLException {
        claim.setLong(first, now.toEpochMilli());
        // a claim without an owner never takes another's lease before it expires
        claim.setString(first + 1, owner == null ? "" : owner);
        claim.setLong(first + 2, owner == null ? Long.MIN_VALUE : now.minus(deadAfter).toEpochMilli());
    }

    /** A 200 that parsed: stores validators and feed facts, clears failures, marks the feed seeded. */
    public void recordSuccess(long id, SuccessfulPoll poll) {
        update(FeedPollUpdates.SUCCESS, FeedPollUpdates.success(id, poll));
    }

    /** A 304: the feed is healthy; validators are replaced only when the response sent new ones. */
    public void recordNotModified(long id, Instant polledAt, Validators validators, Instant nextPollAt) {
        update(FeedPollUpdates.NOT_MODIFIED, FeedPollUpdates.notModified(id, polledAt, validators, nextPollAt));
    }

    /**
     * A failed poll: counts it, remembers the error and when failing began, and reschedules.
     *
     * @return the number of consecutive failures including this one
     */
    public int recordFailure(long id, Instant polledAt, String error, Instant nextPollAt) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE feeds SET consecutive_failures = consecutive_failures + 1, last_error = ?,"
                            + " failing_since = COALESCE(failing_since, ?), last_polled_at = ?, next_poll_at = ?,"
                            + " lease_until = NULL WHERE id = ? RETURNING consecutive_failures")) {
                statement.setString(1, error);
                statement.setLong(2, polledAt.toEpochMilli());
                statement.setLong(3, polledAt.toEpochMilli());
                statement.setLong(4, nextPollAt.toEpochMilli());
                statement.setLong(5, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new DatabaseException("storage: feed " + id + " does not exist");
                    }
                    return row.getInt(1);
                }
            }
        });
    }

    /** The server asked us to wait (429/503): neither success nor failure, only a later next poll. */
    public void recordDeferred(long id, Instant polledAt, Instant nextPollAt) {
        update("UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, lease_until = NULL WHERE id = ?",
                statement -> {
                    statement.setLong(1, polledAt.toEpochMilli());
                    statement.setLong(2, nextPollAt.toEpochMilli());
                    statement.setLong(3, id);
                });
    }

    /** Stops polling the feed; {@code reason} is shown to moderators and announced once to subscribers. */
    public void disable(long id, String reason) {
        update("UPDATE feeds SET status = 'disabled', disabled_reason = ?, disabled_announced = FALSE, lease_until = NULL WHERE id = ?",
                statement -> {
                    statement.setString(1, reason);
                    statement.setLong(2, id);
                });
        update("UPDATE subscriptions SET feed_disabled_announced = FALSE WHERE feed_id = ?", statement -> statement.setLong(1, id));
    }

    /**
     * Makes a disabled feed active again, failures cleared, due now (a moderator re-added it and it
     * fetched fine); a later disabling is announced again.
     */
    public void reactivate(long id, Instant now) {
        update("UPDATE feeds SET status = 'active', disabled_reason = NULL, disabled_announced = FALSE, consecutive_failures = 0,"
                        + " last_error = NULL, failing_since = NULL, next_poll_at = ? WHERE id = ? AND status = 'disabled'",
                statement -> {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setLong(2, id);
                });
    }

    /** Disabled feeds whose disabling was not yet announced to their subscribers, by id. */
    public List<FeedRecord> listDisabledUnannounced() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM feeds WHERE status = 'disabled' AND disabled_announced = FALSE ORDER BY id")) {
                return all(select);
            }
        });
    }

    /** Records that the feed's disabling was announced to every subscriber, so it is announced once. */
    public void markDisabledAnnounced(long id) {
        update("UPDATE feeds SET disabled_announced = TRUE WHERE id = ?", statement -> statement.setLong(1, id));
    }

    /**
     * Deletes the feed, with its articles and cards (cascading), if and only if no subscription names
     * it — checked in the same transaction after locking the feed's row, so a subscription added at
     * the same moment (a concurrent {@code /feed add}, whose insert must lock the feed too) keeps the
     * feed. The one place of the rule "a feed nobody subscribes to stops being polled"; callers
     * decide whether the config file still lists it.
     *
     * @return whether the feed was deleted
     */
    public boolean deleteIfUnsubscribed(long id) {
        return database.write(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM feeds WHERE id = ?" + database.dialect().forUpdate())) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM feeds WHERE id = ? AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE feed_id = ?)")) {
                delete.setLong(1, id);
                delete.setLong(2, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /**
     * Gives back every claim (SPEC §4.3): a single process calls this at start, before it polls, so the
     * feeds a killed run had claimed are polled again at once instead of after their lease. Only for a
     * store that one process owns; returns how many feeds were claimed.
     */
    public int releaseAllLeases() {
        return update("UPDATE feeds SET lease_until = NULL WHERE lease_until IS NOT NULL", statement -> { });
    }

    /** Gives a claimed feed back without recording a result (e.g. on shutdown before polling it). */
    public void releaseLease(long id) {
        update("UPDATE feeds SET lease_until = NULL WHERE id = ?", statement -> statement.setLong(1, id));
    }

    private int update(String sql, DeferredWrites.Binder binder) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    private Optional<FeedRecord> findByUrl(Connection connection, String url) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE url = ?")) {
            select.setString(1, url);
            return first(select);
        }
    }

    private static Optional<FeedRecord> first(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(FeedRecord.from(rows)) : Optional.empty();
        }
    }

    private static List<FeedRecord> all(PreparedStatement select) throws SQLException {
        List<FeedRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(FeedRecord.from(rows));
            }
        }
        return records;
    }
}
