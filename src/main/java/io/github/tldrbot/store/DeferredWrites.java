package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small state updates gathered from many threads and written together, in one transaction per
 * {@link #flush} (each distinct statement prepared once): what a poll cycle writes for each feed it
 * polled (a 304's new poll time, a 200's validators, "this article reached the sink"). One write
 * transaction per feed and poll made the single SQLite writer the bottleneck of a cycle over
 * thousands of feeds; gathered, the cost is a few statements per feed in a few transactions per batch.
 *
 * <p>Only for updates that may be lost in a crash without harm: the dispatcher's lease keeps an
 * unwritten feed from being claimed again until the writes are flushed (at the end of every batch) or
 * the process restarts (which takes every claim back and polls those feeds at once); an article left
 * marked pending is posted again by start-up recovery, which the outbox makes idempotent. A flush
 * that fails is logged and dropped with the same outcome. Thread-safe; {@link #flush} when
 * {@value #DEFAULT_FLUSH_AT} updates are waiting.
 */
public final class DeferredWrites {
    private static final Logger log = LoggerFactory.getLogger(DeferredWrites.class);
    static final int DEFAULT_FLUSH_AT = 256;

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final Database database;
    private final int flushAt;
    private Map<String, List<Binder>> pending = new LinkedHashMap<>();
    private int count;

    public DeferredWrites(Database database) {
        this(database, DEFAULT_FLUSH_AT);
    }

    DeferredWrites(Database database, int flushAt) {
        this.database = database;
        this.flushAt = flushAt;
    }

    /** {@link FeedStore#recordSuccess}, written with the next flush. */
    public void recordSuccess(long feedId, SuccessfulPoll poll) {
        add(FeedPollUpdates.SUCCESS, FeedPollUpdates.success(feedId, poll));
    }

    /** {@link FeedStore#recordNotModified}, written with the next flush. */
    public void recordNotModified(long feedId, Instant polledAt, Validators validators, Instant nextPollAt) {
        add(FeedPollUpdates.NOT_MODIFIED, FeedPollUpdates.notModified(feedId, polledAt, validators, nextPollAt));
    }

    /** {@link ArticleStore#markPosted}, written with the next flush. */
    public void markPosted(long articleId) {
        add(ArticleStore.MARK_POSTED, statement -> statement.setLong(1, articleId));
    }

    /** Queues one update; writes the queue when it is full. */
    void add(String sql, Binder binder) {
        Map<String, List<Binder>> full = null;
        synchronized (this) {
            pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(binder);
            if (++count >= flushAt) {
                full = take();
            }
        }
        if (full != null) {
            write(full);
        }
    }

    /** Writes every queued update now, in one transaction. */
    public void flush() {
        Map<String, List<Binder>> all;
        synchronized (this) {
            all = take();
        }
        write(all);
    }

    private Map<String, List<Binder>> take() {
        Map<String, List<Binder>> taken = pending;
        pending = new LinkedHashMap<>();
        count = 0;
        return taken;
    }

    private void write(Map<String, List<Binder>> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            database.write(connection -> {
                for (Map.Entry<String, List<Binder>> e : updates.entrySet()) {
                    try (PreparedStatement statement = connection.prepareStatement(e.getKey())) {
                        for (Binder binder : e.getValue()) {
                            binder.bind(statement);
                            statement.addBatch();
                        }
                        statement.executeBatch();
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("deferred state writes failed, {} update(s) dropped (leased feeds are polled again after their lease"
                    + " or a restart): {}", updates.values().stream().mapToInt(List::size).sum(), e.toString());
        }
    }
}
