package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.ModeratorPause;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.Subscription;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /feed pause}: a moderator stops a subscription's posting without losing its settings. The
 * filters, the feed's polling and the stored articles stay; cards that arrive meanwhile are recorded
 * as skipped "paused" (so {@code /feed why} can tell, and {@link ResumeSubscription} can catch up).
 * Unlike the automatic pause of a channel that refuses the bot (SPEC §6.4) it is not announced in the
 * guild and only a moderator lifts it. One transaction.
 */
public final class PauseSubscription {
    /** The pause reason {@code /feed status} and {@code /feed why} show. */
    public static final String REASON = "paused by a moderator";

    private final Database database;
    private final ModeratorPauseStore pauses;
    private final Clock clock;

    public PauseSubscription(Database database, ModeratorPauseStore pauses, Clock clock) {
        this.database = database;
        this.pauses = pauses;
        this.clock = clock;
    }

    /**
     * @param pause   the moderator pause now in force
     * @param already whether a moderator had paused it before (then nothing changed)
     */
    public record Paused(ModeratorPause pause, boolean already) {
    }

    public Paused run(Subscription target, long moderatorId) {
        return database.transaction(() -> {
            Optional<ModeratorPause> before = pauses.find(target.id());
            ModeratorPause now = pauses.pause(target.id(), moderatorId, REASON, clock.instant());
            return new Paused(now, before.isPresent());
        });
    }
}
