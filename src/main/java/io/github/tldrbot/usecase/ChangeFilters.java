package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.store.SubscriptionTargetStore;

/**
 * Change one subscription's filters and where its cards go ({@code /feed filter}): values given
 * replace the current ones, values left out (null) keep them, {@code clear} removes every filter
 * (not the thread or webhook settings, which are not filters). The result is validated like a new
 * subscription's before it is stored, in one transaction.
 */
public final class ChangeFilters {
    private final Database database;
    private final SubscriptionStore subscriptions;
    private final SubscriptionTargetStore targets;

    public ChangeFilters(Database database, SubscriptionStore subscriptions, SubscriptionTargetStore targets) {
        this.database = database;
        this.subscriptions = subscriptions;
        this.targets = targets;
    }

    /**
     * Changes to where the cards go; null fields keep the current value.
     *
     * @param webhookName {@link Targets#NO_WEBHOOK} stops posting through the webhook
     */
    public record TargetChange(Boolean thread, String webhookName, String webhookAvatar) {
        public static final TargetChange NONE = new TargetChange(null, null, null);

        boolean isEmpty() {
            return thread == null && webhookName == null && webhookAvatar == null;
        }
    }

    /** What is in force after the change. */
    public record Changed(Filters filters, SubscriptionTarget target) {
    }

    /** Filters only; see {@link #run(Subscription, String, String, String, boolean, TargetChange)}. */
    public Filters run(Subscription target, String audienceId, String include, String exclude, boolean clear) throws Refused {
        return run(target, audienceId, include, exclude, clear, TargetChange.NONE).filters();
    }

    /**
     * @param audienceId a resolved audience id, or null to keep the current one
     * @throws Refused when clear is combined with filter values, nothing is given, a filter does not
     *                 compile or a webhook value is invalid
     */
    public Changed run(Subscription subscription, String audienceId, String include, String exclude, boolean clear,
                       TargetChange change) throws Refused {
        boolean filtersGiven = audienceId != null || include != null || exclude != null;
        Filters filters;
        if (clear) {
            if (filtersGiven) {
                throw new Refused("clear:True removes every filter; run it without audience, include or exclude, "
                        + "or leave clear out to change only the filters you give.");
            }
            filters = Filters.NONE;
        } else if (!filtersGiven && change.isEmpty()) {
            throw new Refused("Give audience, include, exclude, thread, webhook-name or webhook-avatar to change, "
                    + "or clear:True to remove every filter.");
        } else {
            filters = Filters.validated(audienceId != null ? audienceId : subscription.audience(),
                    include != null ? include : subscription.include(), exclude != null ? exclude : subscription.exclude());
        }
        return database.transaction(() -> {
            SubscriptionTarget now = change.isEmpty() ? null : Targets.validatedChange(targets.find(subscription.id()), change);
            subscriptions.updateFilters(subscription.id(), filters.audience(), filters.include(), filters.exclude());
            if (now != null) {
                targets.set(subscription.id(), now);
            }
            return new Changed(filters, now != null ? now : targets.find(subscription.id()));
        });
    }
}
