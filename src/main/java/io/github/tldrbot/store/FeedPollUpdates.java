package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;

import java.time.Instant;

/**
 * The statements that record a poll's result on its feed row, shared by {@link FeedStore} (written at
 * once) and {@link DeferredWrites} (gathered and written with others).
 */
final class FeedPollUpdates {
    private FeedPollUpdates() {
    }

    static final String SUCCESS = "UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title),"
            + " site_link = COALESCE(?, site_link), consecutive_failures = 0, last_error = NULL, failing_since = NULL,"
            + " last_polled_at = ?, last_success_at = ?, next_poll_at = ?, poll_interval_ms = ?, seeded = TRUE,"
            + " lease_until = NULL WHERE id = ?";

    static DeferredWrites.Binder success(long id, SuccessfulPoll poll) {
        return statement -> {
            statement.setString(1, poll.validators().etag());
            statement.setString(2, poll.validators().lastModified());
            statement.setString(3, poll.title());
            statement.setString(4, poll.siteLink());
            statement.setLong(5, poll.polledAt().toEpochMilli());
            statement.setLong(6, poll.polledAt().toEpochMilli());
            statement.setLong(7, poll.nextPollAt().toEpochMilli());
            statement.setLong(8, poll.pollInterval().toMillis());
            statement.setLong(9, id);
        };
    }

    static final String NOT_MODIFIED = "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
            + " consecutive_failures = 0, last_error = NULL, failing_since = NULL, last_polled_at = ?,"
            + " last_success_at = ?, next_poll_at = ?, lease_until = NULL WHERE id = ?";

    static DeferredWrites.Binder notModified(long id, Instant polledAt, Validators validators, Instant nextPollAt) {
        return statement -> {
            statement.setString(1, validators == null ? null : validators.etag());
            statement.setString(2, validators == null ? null : validators.lastModified());
            statement.setLong(3, polledAt.toEpochMilli());
            statement.setLong(4, polledAt.toEpochMilli());
            statement.setLong(5, nextPollAt.toEpochMilli());
            statement.setLong(6, id);
        };
    }
}
