package io.github.tldrbot.app;

import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.poll.AudiencePriors;
import io.github.tldrbot.store.FeedStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default audience of each feed listed in the config's {@code feeds:} with an {@code audience}
 * (SPEC §5.3): the operator's own statement of what the feed is about, so its cards lean to it.
 * Audiences that moderators give with {@code /feed add} are not priors: a card is made once per
 * article and shared by every server that follows the feed, and there the audience is one
 * channel's filter, which must not relabel another server's cards. Read once at start (the config
 * is read once too).
 */
final class ConfigAudiencePriors {

    private ConfigAudiencePriors() {
    }

    /** Priors for the feeds of {@code entries} as stored in {@code feeds} (after the config sync added them). */
    static AudiencePriors of(FeedStore feeds, List<FeedEntryConfig> entries) {
        Map<Long, List<String>> byFeed = new HashMap<>();
        for (FeedEntryConfig entry : entries) {
            if (entry.audience() == null || entry.audience().isBlank()) {
                continue;
            }
            String audience = entry.audience().strip().toLowerCase(Locale.ROOT);
            feeds.findByUrl(entry.url()).ifPresent(feed -> {
                List<String> ids = byFeed.computeIfAbsent(feed.id(), k -> new ArrayList<>());
                if (!ids.contains(audience)) {
                    ids.add(audience);
                }
            });
        }
        Map<Long, List<String>> frozen = new HashMap<>();
        byFeed.forEach((id, ids) -> frozen.put(id, List.copyOf(ids)));
        return feedId -> frozen.getOrDefault(feedId, List.of());
    }
}
