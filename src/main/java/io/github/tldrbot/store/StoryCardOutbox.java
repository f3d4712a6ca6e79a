package io.github.tldrbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.github.tldrbot.store.DeliveryStore.EDIT_WINDOW_HOURS;
import static io.github.tldrbot.store.DeliveryStore.MAX_EDITS;

/**
 * The enqueue side of the {@code deliveries} outbox ({@link DeliveryStore#enqueueAll}): one card per
 * story per channel ({@code story_posts}), later articles of the story as edits of it, or skipped
 * when the card may no longer change. Runs inside the caller's write transaction.
 */
final class StoryCardOutbox {
    private StoryCardOutbox() {
    }

    static int enqueueAll(Connection connection, List<Subscription> subscriptions, long articleId, Instant now)
            throws SQLException {
        // In channel order, so that two transactions claiming story cards in the same channels
        // (PostgreSQL runs them concurrently) take the story_posts keys in the same order.
        List<Subscription> byChannel = subscriptions.stream()
                .sorted(Comparator.comparingLong(Subscription::channelId).thenComparingLong(Subscription::id)).toList();
        long story = storyOf(connection, articleId);
        int added = 0;
        for (Subscription subscription : byChannel) {
            Optional<StoryPost> posted = storyPost(connection, subscription.channelId(), story);
            if (posted.isEmpty()) {
                OptionalLong id = insert(connection, subscription, articleId, null, "pending", null, now);
                if (id.isPresent()) {
                    added++;
                    if (!claimStoryPost(connection, subscription.channelId(), story, id.getAsLong())) {
                        becomeEditOfWinner(connection, id.getAsLong(), subscription.channelId(), story, now);
                    }
                }
                continue;
            }
            StoryPost post = posted.get();
            String refusal = post.refusal(now);
            OptionalLong id = insert(connection, subscription, articleId, post.deliveryId(),
                    refusal == null ? "pending" : "skipped", refusal, now);
            added += id.isPresent() ? 1 : 0;
        }
        return added;
    }

    /**
     * Makes {@code deliveryId} the story's card in the channel, unless a concurrent transaction did
     * so for another delivery first (possible only where writers run concurrently, PostgreSQL: both
     * saw no card; the loser's insert waits for the winner's commit and then does nothing).
     */
    private static boolean claimStoryPost(Connection connection, long channelId, long story, long deliveryId)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(
                "INSERT INTO story_posts (channel_id, story_id, delivery_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (channel_id, story_id) DO NOTHING")) {
            claim.setLong(1, channelId);
            claim.setLong(2, story);
            claim.setLong(3, deliveryId);
            return claim.executeUpdate() == 1;
        }
    }

    /** The race of {@link #claimStoryPost} was lost: the delivery edits the winner's card, as if enqueued after it. */
    private static void becomeEditOfWinner(Connection connection, long deliveryId, long channelId, long story, Instant now)
            throws SQLException {
        StoryPost winner = storyPost(connection, channelId, story).orElseThrow(
                () -> new DatabaseException("storage: story " + story + " has no card in channel " + channelId + " after a conflict"));
        String refusal = winner.refusal(now);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE deliveries SET edit_of = ?, status = ?, last_error = ? WHERE id = ?")) {
            update.setLong(1, winner.deliveryId());
            update.setString(2, refusal == null ? "pending" : "skipped");
            update.setString(3, refusal);
            update.setLong(4, deliveryId);
            update.executeUpdate();
        }
    }

    /** The story card posted (or to be posted) in a channel. */
    private record StoryPost(long deliveryId, int edits, boolean deleted, Instant postedAt) {
        /** Why the card may not change any more, or null when it may. */
        String refusal(Instant now) {
            if (deleted) {
                return "the story's card was deleted from the channel; not posted again";
            }
            if (edits >= MAX_EDITS) {
                return "the story's card was edited " + MAX_EDITS + " times already";
            }
            if (postedAt != null && postedAt.plus(Duration.ofHours(EDIT_WINDOW_HOURS)).isBefore(now)) {
                return "the story's card is over " + EDIT_WINDOW_HOURS + " h old";
            }
            return null;
        }
    }

    private static long storyOf(Connection connection, long articleId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT story_id FROM articles WHERE id = ?")) {
            select.setLong(1, articleId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    long story = row.getLong(1);
                    return row.wasNull() ? articleId : story;
                }
                return articleId;
            }
        }
    }

    private static Optional<StoryPost> storyPost(Connection connection, long channelId, long storyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT p.delivery_id, p.edits, p.deleted, d.sent_at FROM story_posts p"
                        + " JOIN deliveries d ON d.id = p.delivery_id WHERE p.channel_id = ? AND p.story_id = ?")) {
            select.setLong(1, channelId);
            select.setLong(2, storyId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoryPost(row.getLong(1), row.getInt(2), row.getBoolean(3),
                                SqlValues.getInstant(row, "sent_at")))
                        : Optional.empty();
            }
        }
    }

    /** Inserts one row unless (subscription, article) is there already; its id when inserted. */
    private static OptionalLong insert(Connection connection, Subscription subscription, long articleId, Long editOf,
                                       String status, String reason, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO deliveries (subscription_id, article_id, channel_id, status, attempts, next_attempt_at,"
                        + " created_at, edit_of, last_error) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)"
                        + " ON CONFLICT (subscription_id, article_id) DO NOTHING RETURNING id")) {
            insert.setLong(1, subscription.id());
            insert.setLong(2, articleId);
            insert.setLong(3, subscription.channelId());
            insert.setString(4, status);
            insert.setLong(5, now.toEpochMilli());
            insert.setLong(6, now.toEpochMilli());
            if (editOf == null) {
                insert.setNull(7, java.sql.Types.BIGINT);
            } else {
                insert.setLong(7, editOf);
            }
            insert.setString(8, reason);
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
