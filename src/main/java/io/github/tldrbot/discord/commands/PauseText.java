package io.github.tldrbot.discord.commands;

import io.github.tldrbot.store.ModeratorPause;
import io.github.tldrbot.store.Subscription;

/**
 * How {@code /feed list} and {@code /feed status} finish "⏸️ paused…": who paused it and since when
 * for a moderator's pause ({@code /feed pause}), the reason for the bot's own (SPEC §6.4).
 */
final class PauseText {
    private PauseText() {
    }

    /** @param pause the subscription's moderator pause, or null when the bot paused it */
    static String after(Subscription s, ModeratorPause pause) {
        if (pause != null) {
            return " by <@" + pause.moderatorId() + "> since " + FeedStatusReport.timestamp(pause.pausedAt(), "a while")
                    + " (/feed resume restarts it)";
        }
        return ": " + (s.pausedReason() == null ? "no reason recorded" : s.pausedReason());
    }
}
