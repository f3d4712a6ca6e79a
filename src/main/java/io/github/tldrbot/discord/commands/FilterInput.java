package io.github.tldrbot.discord.commands;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.delivery.SubscriptionFilter;
import java.util.List;

/**
 * A subscription's filters as a moderator typed them (SPEC §6.1), checked before anything is
 * stored: the audience must be configured and include/exclude must compile, so a bad regex is
 * refused when it is written rather than failing silently later. Blank values mean "no filter".
 */
record FilterInput(String audience, String include, String exclude) {

    static final FilterInput NONE = new FilterInput(null, null, null);

    static FilterInput validated(String audience, String include, String exclude, List<AudienceConfig> audiences)
            throws UserError {
        String audienceId = new AudienceChoices(audiences).idOrNull(audience);
        String in = blankToNull(include);
        String out = blankToNull(exclude);
        try {
            SubscriptionFilter.parse(audienceId, in, out);
        } catch (IllegalArgumentException e) {
            throw new UserError("Invalid filter: " + e.getMessage()
                    + ". Use comma-separated keywords, or /regex/ for a regular expression.");
        }
        return new FilterInput(audienceId, in, out);
    }

    boolean isEmpty() {
        return audience == null && include == null && exclude == null;
    }

    /** "audience: security · include: cve · exclude: /sponsored/", or "no filters". */
    String describe() {
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
