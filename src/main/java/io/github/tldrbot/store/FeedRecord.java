package io.github.tldrbot.store;

import io.github.tldrbot.feed.Validators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code feeds}: where a feed is, what the last poll learnt and when the next one is due.
 *
 * @param siteLink     the feed's website link (for the card author line), or null before the first poll
 * @param seeded       true once a poll succeeded: the first success stores articles without posting them
 * @param pollInterval the current adaptive interval between successful polls
 * @param leaseUntil   while in the future, a dispatcher owns this feed and nobody else polls it
 */
public record FeedRecord(
        long id,
        String url,
        String title,
        String siteLink,
        Validators validators,
        FeedStatus status,
        String disabledReason,
        int consecutiveFailures,
        String lastError,
        Instant failingSince,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        Instant leaseUntil,
        boolean seeded,
        Duration pollInterval,
        Instant createdAt) {
    /** The record of the current row of a query that selected {@code FeedStore}'s columns. */
    /** The feed's title, else its URL: how moderators recognise it. */
    public String label() {
        return title == null || title.isBlank() ? url : title;
    }

    static FeedRecord from(ResultSet row) throws SQLException {
        return new FeedRecord(
                row.getLong("id"),
                row.getString("url"),
                row.getString("title"),
                row.getString("site_link"),
                new Validators(row.getString("etag"), row.getString("last_modified")),
                FeedStatus.fromColumn(row.getString("status")),
                row.getString("disabled_reason"),
                row.getInt("consecutive_failures"),
                row.getString("last_error"),
                SqlValues.getInstant(row, "failing_since"),
                SqlValues.getInstant(row, "last_polled_at"),
                SqlValues.getInstant(row, "last_success_at"),
                SqlValues.getInstant(row, "next_poll_at"),
                SqlValues.getInstant(row, "lease_until"),
                row.getBoolean("seeded"),
                Duration.ofMillis(row.getLong("poll_interval_ms")),
                SqlValues.getInstant(row, "created_at"));
    }
}
