package io.github.tldrbot.usecase;

import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlWriter;
import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Writes subscriptions as OPML 2.0 ({@code /feed export}, {@code export-opml}): one category
 * outline per channel, named by the caller (Discord knows "#news", the CLI only the id), each feed
 * with its title, feed URL and site link. A read: no transaction needed beyond each query.
 */
public final class ExportOpml {
    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;
    private final Clock clock;
    private final OpmlWriter writer = new OpmlWriter();

    public ExportOpml(FeedStore feeds, SubscriptionStore subscriptions, Clock clock) {
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The exported document and how many feed entries it holds. */
    public record Export(byte[] opml, int entries) {
    }

    /**
     * @param guildId     the guild whose subscriptions are exported; empty: every subscription
     * @param channelName how a channel's category is titled
     */
    public Export run(Optional<Long> guildId, LongFunction<String> channelName) {
        List<Subscription> subs = guildId.map(subscriptions::listForGuild).orElseGet(subscriptions::listAll);
        Map<Long, FeedRecord> byId = feeds.listAll().stream().collect(Collectors.toMap(FeedRecord::id, Function.identity()));
        List<OpmlEntry> entries = new ArrayList<>();
        subs.stream().sorted(Comparator.comparingLong(Subscription::channelId).thenComparingLong(Subscription::id)).forEach(s -> {
            FeedRecord feed = byId.get(s.feedId());
            if (feed != null) {
                entries.add(new OpmlEntry(0, feed.url(), feed.title(), feed.siteLink(), channelName.apply(s.channelId())));
            }
        });
        String title = "tldr-bot subscriptions" + guildId.map(g -> " of server " + g).orElse("");
        return new Export(writer.write(title, entries, clock.instant()), entries.size());
    }
}
