package io.github.tldrbot.poll;

import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.FullTextMode;
import java.util.List;

/** The {@code fullText} setting that applies to one feed. */
@FunctionalInterface
public interface FullTextSettings {

    FullTextMode modeFor(long feedId, String feedUrl);

    /** The same mode for every feed ({@code preview} of a URL). */
    static FullTextSettings fixed(FullTextMode mode) {
        return (feedId, feedUrl) -> mode;
    }

    /**
     * Preview mode's settings: the config's {@code feeds:} entries for the feed's URL, combined as
     * subscriptions are ({@link FullTextMode#combine}); {@code auto} for a feed no entry lists.
     */
    static FullTextSettings fromEntries(List<FeedEntryConfig> entries) {
        List<FeedEntryConfig> copy = List.copyOf(entries);
        return (feedId, feedUrl) -> {
            List<FullTextMode> modes = copy.stream().filter(e -> e.url().equals(feedUrl)).map(FeedEntryConfig::fullText).toList();
            return modes.isEmpty() ? FullTextMode.AUTO : FullTextMode.combine(modes);
        };
    }
}
