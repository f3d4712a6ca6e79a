package io.github.tldrbot.websub;

import io.github.tldrbot.store.WebSubStore;
import io.github.tldrbot.store.WebSubSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the subscriptions that need action (WebSub §5, §6): subscribe new ones, renew leases
 * before they end, give up on verifications that never came, retry failures with a doubling wait, and
 * unsubscribe from feeds nobody subscribes to any more. Rows are claimed in the store, so several
 * processes may run passes at once. Whatever fails here, polling goes on: WebSub only makes cards
 * faster.
 */
final class SubscriptionPass {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionPass.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final WebSubStore store;
    private final HubClient hubs;
    private final WebSubSettings settings;
    private final Clock clock;

    SubscriptionPass(WebSubStore store, HubClient hubs, WebSubSettings settings, Clock clock) {
        this.store = store;
        this.hubs = hubs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Acts on every due row; returns how many. */
    int run() {
        int done = 0;
        List<WebSubSubscription> due;
        do {
            due = store.claimDue(clock.instant(), CLAIM, BATCH);
            for (WebSubSubscription row : due) {
                act(row);
                done++;
            }
        } while (due.size() == BATCH);
        return done;
    }

    private void act(WebSubSubscription row) {
        Instant now = clock.instant();
        if (row.state().equals(WebSubSubscription.UNSUBSCRIBING)) {
            // the hub never confirmed the unsubscribe: its lease lapses by itself, and pushes to the gone callback get 404
            store.delete(row.id());
            return;
        }
        if (row.feedId() == null) {
            unsubscribe(row, now);
            return;
        }
        switch (row.state()) {
            case WebSubSubscription.REQUESTED -> {
                String error = "the hub did not verify the subscription within " + settings.verifyTimeout().toSeconds() + "s";
                store.markFailed(row.id(), error, now.plus(backoff(row.attempts())));
                log.warn("websub verification missing: feed={} hub={} attempts={} error={}", row.feedId(), row.hubUrl(),
                        row.attempts() + 1, error);
            }
            default -> subscribe(row, now); // new, a renewal of an active one, a retry after failed or denied
        }
    }

    private void subscribe(WebSubSubscription row, Instant now) {
        // marked first: a hub may verify before its answer to the request reaches us
        if (!store.markRequested(row.id(), now, now.plus(settings.verifyTimeout()))) {
            return; // the hub denied it meanwhile: that answer stands
        }
        Optional<String> error = hubs.request("subscribe", row.hubUrl(), row.topicUrl(),
                settings.callbackUrl(row.callbackId()), row.secret());
        if (error.isPresent()) {
            Duration wait = backoff(row.attempts());
            store.markFailed(row.id(), error.get(), now.plus(wait));
            log.warn("websub subscribe failed: feed={} hub={} topic={} attempts={} retry_in={}s error={}", row.feedId(),
                    row.hubUrl(), row.topicUrl(), row.attempts() + 1, wait.toSeconds(), error.get());
        } else {
            log.info("websub subscribe requested: feed={} hub={} topic={} renewal={}", row.feedId(), row.hubUrl(),
                    row.topicUrl(), row.verifiedAt() != null);
        }
    }

    /** The feed is gone: tell the hub if it may hold a lease for us, then forget the row. */
    private void unsubscribe(WebSubSubscription row, Instant now) {
        boolean mayBeLeased = row.verifiedAt() != null || row.state().equals(WebSubSubscription.REQUESTED);
        if (!mayBeLeased || row.state().equals(WebSubSubscription.DENIED)) {
            store.delete(row.id());
            return;
        }
        // marked first, as for subscribing: the hub may verify the unsubscribe before its answer reaches us,
        // and the callback confirms only a row that is unsubscribing
        store.markUnsubscribing(row.id(), now.plus(settings.verifyTimeout()));
        Optional<String> error = hubs.request("unsubscribe", row.hubUrl(), row.topicUrl(),
                settings.callbackUrl(row.callbackId()), row.secret());
        if (error.isPresent()) {
            // the hub's lease lapses by itself, and pushes to a callback that no longer exists get 404
            store.delete(row.id());
            log.warn("websub unsubscribe failed, subscription forgotten: hub={} topic={} error={}", row.hubUrl(),
                    row.topicUrl(), error.get());
        } else {
            log.info("websub unsubscribe requested: hub={} topic={}", row.hubUrl(), row.topicUrl());
        }
    }

    private Duration backoff(int failuresSoFar) {
        Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(failuresSoFar, 16));
        return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
    }
}
