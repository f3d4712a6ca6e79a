package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.ModeratorPause;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /feed resume}: restarts a paused subscription's posting (a moderator's pause, or the bot's
 * own after a refusal — a channel that still refuses is paused again by its next send). What arrived
 * meanwhile stays unposted, unless {@code catchUp}: then the newest {@code maxPostsPerPoll} of the
 * articles skipped as paused since the pause go into the outbox, oldest first, exactly as a poll
 * would have enqueued them (a story already posted in the channel becomes an edit). One transaction.
 */
public final class ResumeSubscription {
    private final Database database;
    private final ModeratorPauseStore pauses;
    private final PostHistoryStore history;
    private final DeliveryStore deliveries;
    private final int maxPostsPerPoll;
    private final Clock clock;

    public ResumeSubscription(Database database, ModeratorPauseStore pauses, PostHistoryStore history, DeliveryStore deliveries,
                              int maxPostsPerPoll, Clock clock) {
        this.database = database;
        this.pauses = pauses;
        this.history = history;
        this.deliveries = deliveries;
        this.maxPostsPerPoll = maxPostsPerPoll;
        this.clock = clock;
    }

    /**
     * @param lifted   the moderator pause that was lifted, empty when the bot had paused it
     * @param caughtUp how many skipped articles were put in the outbox
     */
    public record Resumed(Optional<ModeratorPause> lifted, int caughtUp) {
    }

    /** @throws Refused when the subscription is not paused */
    public Resumed run(Subscription target, boolean catchUp) throws Refused {
        return database.transaction(() -> {
            boolean moderatorPaused = pauses.find(target.id()).isPresent();
            if (target.status() != SubscriptionStatus.PAUSED && target.pausedReason() == null && !moderatorPaused) {
                throw new Refused("<#" + target.channelId() + "> is not paused for this feed; nothing to resume.");
            }
            Optional<ModeratorPause> lifted = pauses.resume(target.id());
            int caughtUp = 0;
            if (catchUp) {
                Instant now = clock.instant();
                Instant since = lifted.map(ModeratorPause::pausedAt).orElse(Instant.EPOCH);
                for (long articleId : history.listPausedSince(target.id(), since, maxPostsPerPoll)) {
                    caughtUp += deliveries.enqueueAll(List.of(target), articleId, now);
                    history.forgetSkip(target.id(), articleId);
                }
            }
            return new Resumed(lifted, caughtUp);
        });
    }
}
