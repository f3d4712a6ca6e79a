package io.github.tldrbot.schedule;

import io.github.tldrbot.poll.RefreshOutcome;

import java.time.Duration;
import java.util.List;

/**
 * Totals of one dispatch cycle, logged as one INFO line (SPEC §11).
 *
 * @param failed feeds whose poll failed, including those disabled by it
 */
public record PollCycleSummary(int feeds, int ok, int notModified, int throttled, int failed,
                               int newArticles, int posted, Duration took) {

    static PollCycleSummary of(List<RefreshOutcome> outcomes, Duration took) {
        int ok = 0;
        int notModified = 0;
        int throttled = 0;
        int failed = 0;
        int newArticles = 0;
        int posted = 0;
        for (RefreshOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case UPDATED -> ok++;
                case NOT_MODIFIED -> notModified++;
                case THROTTLED -> throttled++;
                case FAILED, DISABLED -> failed++;
                default -> throw new IllegalStateException("unknown status " + outcome.status());
            }
            newArticles += outcome.newArticles();
            posted += outcome.posted();
        }
        return new PollCycleSummary(outcomes.size(), ok, notModified, throttled, failed, newArticles, posted, took);
    }
}
