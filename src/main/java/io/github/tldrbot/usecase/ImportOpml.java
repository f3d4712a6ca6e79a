package io.github.tldrbot.usecase;

import io.github.tldrbot.feed.FeedAddress;
import io.github.tldrbot.feed.PlatformFeed;
import io.github.tldrbot.feed.PlatformUrlException;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Subscribes one channel to every feed of an OPML file ({@code /feed import}, {@code import-opml})
 * and says, entry by entry, what happened. Each entry goes through {@link Subscribe} (its
 * duplicate and {@code limits.feedsPerGuild} rules) without being fetched: a new feed is left
 * unseeded, so the poller's first poll stores its articles and posts none (SPEC §4.4), and a file
 * of a thousand feeds takes seconds, not a thousand fetches. Addresses are checked and platform
 * addresses resolved first, outside the transaction (a YouTube handle needs its page); then every
 * subscription is made in one transaction, where a refused entry changes nothing and does not stop
 * the others.
 */
public final class ImportOpml {
    private final Database database;
    private final Subscribe subscribe;
    private final SubscriptionStore subscriptions;
    private final boolean allowPrivateNetworks;

    public ImportOpml(Database database, Subscribe subscribe, SubscriptionStore subscriptions, boolean allowPrivateNetworks) {
        this.database = database;
        this.subscribe = subscribe;
        this.subscriptions = subscriptions;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /**
     * @param guildId        the channel's guild, or null when unknown (CLI without Discord): then the
     *                       guild of the channel's earlier subscriptions is used if there are any,
     *                       else the guild is recorded when the bot first sees the channel
     * @param channelMention how results name the channel
     */
    public record Request(Long guildId, long channelId, String channelMention, List<OpmlEntry> entries) {
        public Request {
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param platforms resolves platform addresses (YouTube handles read their page with its fetcher)
     */
    public ImportReport run(Request request, PlatformUrls platforms) {
        List<Checked> checked = request.entries().stream().map(e -> check(e, platforms)).toList();
        List<ImportReport.Line> lines = database.transaction(() -> {
            Long guild = request.guildId() != null ? request.guildId() : knownGuild(request.channelId());
            Map<String, Integer> firstLine = new HashMap<>();
            List<ImportReport.Line> out = new ArrayList<>();
            for (Checked c : checked) {
                out.add(subscribeOne(request, guild, c, firstLine));
            }
            return out;
        });
        return new ImportReport(lines);
    }

    private ImportReport.Line subscribeOne(Request request, Long guild, Checked c, Map<String, Integer> firstLine) {
        OpmlEntry e = c.entry();
        if (c.problem() != null) {
            return line(e, null, c.platform(), ImportReport.Outcome.INVALID, c.problem());
        }
        String url = c.url().toString();
        Integer earlier = firstLine.putIfAbsent(url, e.line());
        if (earlier != null) {
            return line(e, url, c.platform(), ImportReport.Outcome.DUPLICATE, "the same feed as line " + earlier);
        }
        try {
            Subscribe.Subscribed done = subscribe.runUnfetched(guild, request.channelId(), request.channelMention(), url,
                    SubscriptionSource.COMMAND);
            String note = done.disabledReason() == null ? null
                    : "it had been disabled (" + done.disabledReason() + "); it is polled again";
            return line(e, url, c.platform(), ImportReport.Outcome.SUBSCRIBED, note);
        } catch (Subscribe.AlreadySubscribed refused) {
            return line(e, url, c.platform(), ImportReport.Outcome.ALREADY_SUBSCRIBED, request.channelMention() + " already gets it");
        } catch (Subscribe.LimitReached refused) {
            return line(e, url, c.platform(), ImportReport.Outcome.OVER_LIMIT, refused.getMessage());
        } catch (Refused refused) {
            return line(e, url, c.platform(), ImportReport.Outcome.INVALID, refused.getMessage());
        }
    }

    private Long knownGuild(long channelId) {
        return subscriptions.listForChannel(channelId).stream().map(Subscription::guildId).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** An entry after its address was checked and resolved; {@code problem} set when it cannot be subscribed. */
    private record Checked(OpmlEntry entry, URI url, String platform, String problem) {
    }

    private Checked check(OpmlEntry entry, PlatformUrls platforms) {
        URI url;
        try {
            url = FeedAddress.check(entry.xmlUrl(), allowPrivateNetworks);
        } catch (IllegalArgumentException e) {
            return new Checked(entry, null, null, e.getMessage());
        }
        try {
            Optional<PlatformFeed> platform = platforms.resolve(url);
            if (platform.isPresent()) {
                return new Checked(entry, platform.get().feedUrl(), platform.get().describe(), null);
            }
            return new Checked(entry, url, null, null);
        } catch (PlatformUrlException e) {
            return new Checked(entry, null, null, e.getMessage());
        }
    }

    private static ImportReport.Line line(OpmlEntry e, String feedUrl, String platform, ImportReport.Outcome outcome,
                                          String detail) {
        return new ImportReport.Line(e.line(), e.xmlUrl(), e.title(), feedUrl, platform, outcome, detail);
    }
}
