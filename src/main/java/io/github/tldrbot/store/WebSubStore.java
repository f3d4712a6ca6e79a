package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code websub_subscriptions} table (SPEC §4.3). Every process that serves {@code server.port}
 * answers callbacks from these rows alone (secret and feed looked up by callback id), and the
 * maintenance pass claims due rows with a short lease, so several processes sharing the store act on
 * each row once.
 */
public final class WebSubStore {
    private static final String COLUMNS = "id, feed_id, callback_id, hub_url, topic_url, secret, state, lease_seconds,"
            + " expires_at, verified_at, due_at, attempts, last_error";

    private final Database database;

    public WebSubStore(Database database) {
        this.database = database;
    }

    public Optional<WebSubSubscription> findByCallback(String callbackId) {
        return database.read(connection -> one(connection, "SELECT " + COLUMNS + " FROM websub_subscriptions WHERE callback_id = ?",
                s -> s.setString(1, callbackId)));
    }

    public Optional<WebSubSubscription> findByFeed(long feedId) {
        return database.read(connection -> one(connection, "SELECT " + COLUMNS + " FROM websub_subscriptions WHERE feed_id = ?",
                s -> s.setLong(1, feedId)));
    }

    /**
     * Records that the feed advertises {@code hubUrl} for {@code topicUrl}: a new row due now, or, when
     * the hub or topic changed, the existing row re-pointed and due now (the old hub's lease lapses).
     *
     * @return whether a subscribe request is now due
     */
    public boolean advertise(long feedId, String hubUrl, String topicUrl, String callbackId, String secret, Instant now) {
        long at = now.toEpochMilli();
        return database.write(connection -> {
            int inserted = update(connection, "INSERT INTO websub_subscriptions (feed_id, callback_id, hub_url, topic_url, secret,"
                    + " state, due_at, created_at) VALUES (?, ?, ?, ?, ?, 'new', ?, ?) ON CONFLICT (feed_id) DO NOTHING", s -> {
                        s.setLong(1, feedId);
                        s.setString(2, callbackId);
                        s.setString(3, hubUrl);
                        s.setString(4, topicUrl);
                        s.setString(5, secret);
                        s.setLong(6, at);
                        s.setLong(7, at);
                    });
            if (inserted == 1) {
                return true;
            }
            return update(connection, "UPDATE websub_subscriptions SET hub_url = ?, topic_url = ?, state = 'new', due_at = ?,"
                    + " attempts = 0, last_error = NULL, expires_at = NULL WHERE feed_id = ? AND (hub_url <> ? OR topic_url <> ?)", s -> {
                        s.setString(1, hubUrl);
                        s.setString(2, topicUrl);
                        s.setLong(3, at);
                        s.setLong(4, feedId);
                        s.setString(5, hubUrl);
                        s.setString(6, topicUrl);
                    }) == 1;
        });
    }

    /**
     * Leases up to {@code limit} rows that need action now: due ones, and rows of deleted feeds that
     * the hub has not yet been told about. A row returned here is returned to nobody else until
     * {@code lease} passes or a {@code mark*} method releases it.
     */
    public List<WebSubSubscription> claimDue(Instant now, Duration lease, int limit) {
        long at = now.toEpochMilli();
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE websub_subscriptions SET claimed_until = ?"
                    + " WHERE id IN (SELECT id FROM websub_subscriptions WHERE (due_at <= ? OR (feed_id IS NULL AND state <> 'unsubscribing'))"
                    + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at, id LIMIT ?"
                    + database.dialect().skipLocked("websub_subscriptions") + ") RETURNING " + COLUMNS)) {
                claim.setLong(1, now.plus(lease).toEpochMilli());
                claim.setLong(2, at);
                claim.setLong(3, at);
                claim.setInt(4, limit);
                return all(claim);
            }
        });
    }

    /**
     * A subscribe request is about to be sent: the hub's verification is awaited until {@code verifyBy}.
     *
     * @return false when the row is no longer claimed (a denial arrived since the claim): send nothing
     */
    public boolean markRequested(long id, Instant now, Instant verifyBy) {
        return database.write(connection -> update(connection, "UPDATE websub_subscriptions SET state = 'requested', requested_at = ?,"
                + " due_at = ?, claimed_until = NULL WHERE id = ? AND claimed_until IS NOT NULL", s -> {
                    s.setLong(1, now.toEpochMilli());
                    s.setLong(2, verifyBy.toEpochMilli());
                    s.setLong(3, id);
                }) == 1);
    }

    /**
     * The request failed, or its verification never came: tried again at {@code retryAt}. Leaves a row
     * the hub has verified meanwhile alone.
     */
    public void markFailed(long id, String error, Instant retryAt) {
        write("UPDATE websub_subscriptions SET state = 'failed', attempts = attempts + 1, last_error = ?, due_at = ?,"
                + " claimed_until = NULL WHERE id = ? AND state IN ('new', 'requested', 'active', 'failed', 'denied')", s -> {
                    s.setString(1, error);
                    s.setLong(2, retryAt.toEpochMilli());
                    s.setLong(3, id);
                });
    }

    /**
     * The hub's intent verification for a subscription: accepted only when the callback exists, its
     * topic matches and a subscribe request is pending or active (a renewal).
     *
     * @return whether the verification matched (the challenge may be echoed)
     */
    public boolean confirmSubscribe(String callbackId, String topicUrl, long leaseSeconds, Instant now, Instant renewAt) {
        return database.write(connection -> update(connection, "UPDATE websub_subscriptions SET state = 'active', lease_seconds = ?,"
                + " verified_at = ?, expires_at = ?, due_at = ?, attempts = 0, last_error = NULL"
                + " WHERE callback_id = ? AND topic_url = ? AND feed_id IS NOT NULL AND state IN ('requested', 'active')", s -> {
                    s.setLong(1, leaseSeconds);
                    s.setLong(2, now.toEpochMilli());
                    s.setLong(3, now.plusSeconds(leaseSeconds).toEpochMilli());
                    s.setLong(4, renewAt.toEpochMilli());
                    s.setString(5, callbackId);
                    s.setString(6, topicUrl);
                }) == 1);
    }

    /** The hub's verification of an unsubscribe we asked for: the row goes. @return whether it matched */
    public boolean confirmUnsubscribe(String callbackId, String topicUrl) {
        return database.write(connection -> update(connection, "DELETE FROM websub_subscriptions WHERE callback_id = ?"
                + " AND topic_url = ? AND state = 'unsubscribing'", s -> {
                    s.setString(1, callbackId);
                    s.setString(2, topicUrl);
                }) == 1);
    }

    /** The hub refused (or ended) the subscription; asked again at {@code retryAt}. @return whether it matched */
    public boolean markDenied(String callbackId, String topicUrl, String reason, Instant retryAt) {
        return database.write(connection -> update(connection, "UPDATE websub_subscriptions SET state = 'denied', last_error = ?,"
                + " due_at = ?, expires_at = NULL, claimed_until = NULL WHERE callback_id = ? AND topic_url = ? AND state <> 'unsubscribing'", s -> {
                    s.setString(1, reason);
                    s.setLong(2, retryAt.toEpochMilli());
                    s.setString(3, callbackId);
                    s.setString(4, topicUrl);
                }) == 1);
    }

    /** An unsubscribe request was sent; the row is deleted by the verification, or at {@code giveUpAt}. */
    public void markUnsubscribing(long id, Instant giveUpAt) {
        write("UPDATE websub_subscriptions SET state = 'unsubscribing', due_at = ?, claimed_until = NULL WHERE id = ?", s -> {
            s.setLong(1, giveUpAt.toEpochMilli());
            s.setLong(2, id);
        });
    }

    public void delete(long id) {
        write("DELETE FROM websub_subscriptions WHERE id = ?", s -> s.setLong(1, id));
    }

    /** Subscriptions whose hub lease runs now (the {@code subscriptions active} gauge). */
    public long countActive(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM websub_subscriptions"
                    + " WHERE feed_id IS NOT NULL AND expires_at > ? AND state <> 'denied'")) {
                count.setLong(1, now.toEpochMilli());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void write(String sql, Binder binder) {
        database.write(connection -> update(connection, sql, binder));
    }

    private static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    private static Optional<WebSubSubscription> one(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            List<WebSubSubscription> rows = all(select);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    private static List<WebSubSubscription> all(PreparedStatement select) throws SQLException {
        List<WebSubSubscription> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                long feed = r.getLong("feed_id");
                Long feedId = r.wasNull() ? null : feed;
                long lease = r.getLong("lease_seconds");
                Long leaseSeconds = r.wasNull() ? null : lease;
                found.add(new WebSubSubscription(r.getLong("id"), feedId, r.getString("callback_id"), r.getString("hub_url"),
                        r.getString("topic_url"), r.getString("secret"), r.getString("state"), leaseSeconds,
                        instant(r, "expires_at"), instant(r, "verified_at"), instant(r, "due_at"), r.getInt("attempts"),
                        r.getString("last_error")));
            }
        }
        return found;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
