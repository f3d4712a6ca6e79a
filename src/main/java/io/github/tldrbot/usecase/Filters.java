package io.github.tldrbot.usecase;

import io.github.tldrbot.delivery.SubscriptionFilter;

/**
 * A subscription's filters (SPEC §6.1), checked before anything is stored: include and exclude must
 * compile, so a bad regex is refused when it is written rather than failing silently later. Blank
 * values mean "no filter". The audience is an id the caller has already resolved.
 */
public record Filters(String audience, String include, String exclude) {

    public static final Filters NONE = new Filters(null, null, null);

    /** @throws Refused when include or exclude is not a valid keyword list or regex */
    public static Filters validated(String audienceId, String include, String exclude) throws Refused {
        Filters filters = new Filters(blankToNull(audienceId), blankToNull(include), blankToNull(exclude));
        try {
            SubscriptionFilter.parse(filters.audience, filters.include, filters.exclude);
        } catch (IllegalArgumentException e) {
            throw new Refused("Invalid filter: " + e.getMessage()
                    + ". Use comma-separated keywords, or /regex/ for a regular expression.");
        }
        return filters;
    }

    public boolean isEmpty() {
        return audience == null && include == null && exclude == null;
    }

    /** "audience: security · include: cve · exclude: /sponsored/", or "no filters" (Discord markdown). */
    public String describe() {
        if (isEmpty()) {
            return "no filters";
        }
        StringBuilder text = new StringBuilder();
        append(text, "audience", audience);
        append(text, "include", include);
        append(text, "exclude", exclude);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(name).append(": `").append(value.replace("`", "'")).append('`');
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
