package io.github.tldrbot.usecase;

import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;

/**
 * Change one subscription's filters ({@code /feed filter}): values given replace the current ones,
 * values left out (null) keep them, {@code clear} removes every filter. The result is validated like
 * a new subscription's before it is stored
 * (one statement, so one transaction).
 */
public final class ChangeFilters {
    private final SubscriptionStore subscriptions;

    public ChangeFilters(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * @param audienceId a resolved audience id, or null to keep the current one
     * @return the filters now in force
     * @throws Refused when clear is combined with values, nothing is given, or a filter does not compile
     */
    public Filters run(Subscription target, String audienceId, String include, String exclude, boolean clear) throws Refused {
        Filters filters;
        if (clear) {
            if (audienceId != null || include != null || exclude != null) {
                throw new Refused("clear:True removes every filter; run it without audience, include or exclude, "
                        + "or leave clear out to change only the filters you give.");
            }
            filters = Filters.NONE;
        } else if (audienceId == null && include == null && exclude == null) {
            throw new Refused("Give audience, include or exclude to change, or clear:True to remove every filter.");
        } else {
            filters = Filters.validated(audienceId != null ? audienceId : target.audience(),
                    include != null ? include : target.include(), exclude != null ? exclude : target.exclude());
        }
        subscriptions.updateFilters(target.id(), filters.audience(), filters.include(), filters.exclude()); // one statement
        return filters;
    }
}
