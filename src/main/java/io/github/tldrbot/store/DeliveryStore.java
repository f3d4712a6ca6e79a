package io.github.tldrbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code deliveries} outbox (SPEC §6.2). Rows are created before anything is sent, unique per
 * (subscription, article), so enqueueing twice (a retried poll, start-up recovery) is a no-op.
 *
 * <p>Life of a row: {@code pending} → {@link #claimNext} makes it {@code sending} (one attempt more)
 * → {@link #markSent} / {@link #markRetry} (back to pending, later) / {@link #markFailed} /
 * {@link #markSkipped} / {@link #release} (back to pending now). Rows of paused subscriptions stay
 * pending and are not picked until the subscription resumes.
 */
public final class DeliveryStore {
    /** Edits per story card at most (SPEC §6.2a). */
    public static final int MAX_EDITS = 10;
    /** Hours after its post that a story card may still be edited (SPEC §6.2a). */
    public static final int EDIT_WINDOW_HOURS = 24;

    private static final String COLUMNS = DeliveryRows.COLUMNS;
    private static final String JOINED = DeliveryRows.JOINED;
    private final Database database;
    private final OutboxScope scope;

    /** A store for a process that runs every shard. */
    public DeliveryStore(Database database) {
        this(database, OutboxScope.single());
    }

    /** A store for a process without heartbeats that runs {@code shards}. */
    public DeliveryStore(Database database, io.github.tldrbot.config.Shards shards) {
        this(database, new OutboxScope(shards, null, java.time.Duration.ZERO));
    }

    /** @param scope the process's shards and id: the worker's selections see only rows of their guilds (and of unknown guilds) */
    public DeliveryStore(Database database, OutboxScope scope) {
        this.database = database;
        this.scope = scope;
    }

    /** Due rows of active subscriptions in the guilds of the shards run now (SPEC §13). */
    private String due() {
        return JOINED + " WHERE d.status = 'pending' AND s.status = 'active' AND d.next_attempt_at <= ?" + scope.ownGuilds("s.guild_id");
    }

    /** Enqueues one article for one subscription unless already there; true when a row was added. */
    public boolean enqueue(Subscription subscription, long articleId, Instant now) {
        return enqueueAll(List.of(subscription), articleId, now) == 1;
    }

    /**
     * Enqueues the article for every given subscription in one transaction, skipping pairs already
     * enqueued (idempotent through the unique key). One card per story per channel (SPEC §5.5,
     * §6.2a): when the article's story already has a card in the subscription's channel (from this
     * or another subscription), the row is an <em>edit</em> of that card's delivery instead of a new
     * post — or is recorded {@code skipped} with the reason when the card may no longer change (its
     * message was deleted, {@value #MAX_EDITS} edits were made, or it is over
     * {@value #EDIT_WINDOW_HOURS} h old). An article without a story counts as a story of its own.
     * Returns how many rows were added (edits and skipped ones included).
     */
    public int enqueueAll(List<Subscription> subscriptions, long articleId, Instant now) {
        return enqueueAll(subscriptions, List.of(), articleId, now);
    }

    /** {@link #enqueueAll(List, long, Instant)}, recording in its transaction why {@code skipped}'s subscriptions get none (SPEC §6.5). */
    public int enqueueAll(List<Subscription> subscriptions, List<PostSkip> skipped, long articleId, Instant now) {
        return subscriptions.isEmpty() && skipped.isEmpty() ? 0 : database.write(connection -> {
            PostSkipRows.insert(connection, skipped, now);
            return subscriptions.isEmpty() ? 0 : StoryCardOutbox.enqueueAll(connection, subscriptions, articleId, now);
        });
    }

    /** Runs {@code action} once this thread's enqueue has committed (a worker woken before would miss its rows). */
    public void afterCommit(Runnable action) {
        database.afterCommit(action);
    }

    /**
     * The story card an edit changes: the posting delivery's state and message id, and whether the
     * message is gone. Empty when the posting delivery no longer exists.
     */
    public Optional<Delivery> findEdited(Delivery edit) {
        return edit.editOf() == null ? Optional.empty() : findById(edit.editOf());
    }

    /** The edit was applied to the message: counts it against the card's edit budget. */
    public void markEdited(Delivery edit, Instant now) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE story_posts SET edits = edits + 1 WHERE delivery_id = ?")) {
                update.setLong(1, edit.editOf());
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET status = 'sent', sent_at = ?, message_id = (SELECT p.message_id FROM"
                            + " deliveries p WHERE p.id = ?) WHERE id = ?")) {
                update.setLong(1, now.toEpochMilli());
                update.setLong(2, edit.editOf());
                update.setLong(3, edit.id());
                return update.executeUpdate();
            }
        });
    }

    /**
     * The story card's message was deleted in Discord: it is never edited or posted again, and the
     * edit is recorded {@code skipped}.
     */
    public void markStoryCardDeleted(Delivery edit, Instant now) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE story_posts SET deleted = TRUE WHERE delivery_id = ?")) {
                update.setLong(1, edit.editOf());
                return update.executeUpdate();
            }
        });
        markSkipped(edit.id(), "the story's card was deleted from the channel; not posted again", now);
    }

    /** Channels that have a due pending delivery of an active subscription, by channel id. */
    public List<Long> listChannelsWithDue(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT d.channel_id" + due() + " ORDER BY d.channel_id")) {
                select.setLong(1, now.toEpochMilli());
                List<Long> channels = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        channels.add(rows.getLong(1));
                    }
                }
                return channels;
            }
        });
    }

    /**
     * Takes the channel's next due delivery — oldest article first (first seen, then enqueue order,
     * which is the poster's oldest-first order) — and marks it {@code sending} with one more attempt,
     * atomically. The caller is the channel's only lane, so nobody else sends it meanwhile.
     */
    public Optional<Delivery> claimNext(long channelId, Instant now) {
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(
                    "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, last_attempt_at = ?, claimed_by = ?"
                            + " WHERE id = (SELECT d.id" + due() + " AND d.channel_id = ?"
                            + " ORDER BY (SELECT a.first_seen_at FROM articles a WHERE a.id = d.article_id), d.id LIMIT 1"
                            + database.dialect().skipLocked("d") + ")"
                            + " RETURNING " + COLUMNS.replace("d.", ""))) {
                claim.setLong(1, now.toEpochMilli());
                claim.setString(2, scope.processId());
                claim.setLong(3, now.toEpochMilli());
                claim.setLong(4, channelId);
                List<Delivery> claimed = all(claim);
                return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(0));
            }
        });
    }

    /** The service accepted the message. */
    public void markSent(long id, String messageId, Instant now) {
        finish(id, "sent", null, messageId, now);
    }

    /** Nothing will be sent (e.g. its card is missing); {@code reason} says why. */
    public void markSkipped(long id, String reason, Instant now) {
        finish(id, "skipped", reason, null, now);
    }

    /** Retries are exhausted; {@code reason} is the last error. */
    public void markFailed(long id, String reason, Instant now) {
        finish(id, "failed", reason, null, now);
    }

    /** A temporary failure: pending again, not before {@code nextAttemptAt}. */
    public void markRetry(long id, String error, Instant nextAttemptAt) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                update.setString(1, error);
                update.setLong(2, nextAttemptAt.toEpochMilli());
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Puts a {@code sending} row back to pending, due at {@code now}, keeping its attempt count (a
     * send that was refused and will wait for a resume, or a crashed send to be repeated with the
     * same nonce).
     */
    public void release(long id, String note, Instant now) {
        markRetry(id, note, now);
    }

    /**
     * Gives back a row claimed for a channel of another process's shard (SPEC §13): pending again at
     * once, the claim's attempt not counted, so the owning process sends it as if nobody had looked.
     */
    public void unclaim(long id) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET status = 'pending', attempts = attempts - 1 WHERE id = ? AND status = 'sending'")) {
                update.setLong(1, id);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Rows left in {@code sending} by a crash, an abandoned shutdown or a dead process (SPEC §13), in
     * the guilds of the shards run now, oldest attempt first. Rows a live process (this one included)
     * is sending are not listed.
     */
    public List<Delivery> listSending(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + JOINED
                    + " WHERE d.status = 'sending'" + scope.ownGuilds("s.guild_id") + scope.orphaned("d.claimed_by")
                    + " ORDER BY d.last_attempt_at, d.id")) {
                scope.bindOrphaned(select, 1, now);
                return all(select);
            }
        });
    }

    public Optional<Delivery> findById(long id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
                select.setLong(1, id);
                List<Delivery> found = all(select);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** The subscription's deliveries, by id (for {@code /feed status} and tests). */
    public List<Delivery> listForSubscription(long subscriptionId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM deliveries d WHERE d.subscription_id = ? ORDER BY d.id")) {
                select.setLong(1, subscriptionId);
                return all(select);
            }
        });
    }

    /**
     * Messages sent since {@code since} for the guild's subscriptions, per feed id ({@code /feed status}:
     * "posted in the last 24 h"). Feeds with none are absent.
     */
    public Map<Long, Integer> countSentSinceByFeed(long guildId, Instant since) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT s.feed_id, COUNT(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id"
                            + " WHERE s.guild_id = ? AND d.status = 'sent' AND d.sent_at >= ? GROUP BY s.feed_id")) {
                select.setLong(1, guildId);
                select.setLong(2, since.toEpochMilli());
                Map<Long, Integer> counts = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getLong(1), rows.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    private void finish(long id, String status, String error, String messageId, Instant now) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET status = ?, last_error = COALESCE(?, last_error), message_id = COALESCE(?, message_id),"
                            + " sent_at = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setString(2, error);
                update.setString(3, messageId);
                if ("sent".equals(status)) {
                    update.setLong(4, now.toEpochMilli());
                } else {
                    update.setNull(4, java.sql.Types.BIGINT);
                }
                update.setLong(5, id);
                return update.executeUpdate();
            }
        });
    }

    private static List<Delivery> all(PreparedStatement select) throws SQLException {
        return DeliveryRows.list(select);
    }
}
