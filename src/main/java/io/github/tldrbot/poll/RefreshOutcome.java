package io.github.tldrbot.poll;

/**
 * What one refresh of one feed came to, so the dispatcher can log one summary line per cycle.
 *
 * @param newArticles articles never seen before for this feed (stored, posted or not)
 * @param posted      cards handed to the sink, not counting the seed sample
 */
public record RefreshOutcome(long feedId, Status status, int newArticles, int posted) {

    public enum Status {
        /** 200 and parsed. */
        UPDATED,
        /** 304. */
        NOT_MODIFIED,
        /** 429/503: rescheduled as the server asked, not counted as a failure. */
        THROTTLED,
        /** Fetch, parse or internal failure; backed off. */
        FAILED,
        /** Disabled by this refresh (410, or too many consecutive failures). */
        DISABLED
    }

    static RefreshOutcome of(long feedId, Status status) {
        return new RefreshOutcome(feedId, status, 0, 0);
    }
}
