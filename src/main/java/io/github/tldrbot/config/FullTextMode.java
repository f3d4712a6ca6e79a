package io.github.tldrbot.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an article's web page is read for its full text ({@code fullText:} of a feed entry, the
 * {@code full-text} option of {@code /feed add}).
 */
public enum FullTextMode {
    /** Read the page only when the feed gives a teaser (no body, a short one, or one cut off). */
    AUTO,
    /** Read the page of every posted article, even when the feed carries a full body. */
    ALWAYS,
    /** Never read the page; cards come from the feed's own text. */
    NEVER;

    /** The spelling in the config file, the database and the slash command. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code auto}, {@code always} or {@code never}, case-insensitive and trimmed; empty for anything else. */
    public static Optional<FullTextMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (FullTextMode mode : values()) {
            if (mode.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /**
     * The mode of a feed fetched once for several subscriptions: {@code always} when any asks for it
     * (one channel's wish for full cards is served to all, at the cost of one page per article),
     * {@code never} only when every one says never (nobody wants the page read) or when nobody
     * subscribes (nobody will see the card), else {@code auto}.
     */
    public static FullTextMode combine(Collection<FullTextMode> modes) {
        if (modes.contains(ALWAYS)) {
            return ALWAYS;
        }
        if (modes.isEmpty() || modes.stream().allMatch(m -> m == NEVER)) {
            return NEVER;
        }
        return AUTO;
    }
}
