package io.github.tldrbot.discord.commands;

import io.github.tldrbot.store.FeedRecord;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * The feeds one guild subscribes to, as the {@code /feed} subcommands see them: the {@code feed}
 * option (an id picked from autocomplete, or a typed URL or title) resolved within the guild only,
 * so a moderator can never touch another server's subscriptions.
 */
final class GuildFeeds {
    static final int MAX_CHOICES = 25;

    private final FeedStore feeds;
    private final SubscriptionStore subscriptions;

    GuildFeeds(FeedStore feeds, SubscriptionStore subscriptions) {
        this.feeds = feeds;
        this.subscriptions = subscriptions;
    }

    /** Where the guild's subscriptions post (thread, webhook), by subscription id. */
    Map<Long, io.github.tldrbot.store.SubscriptionTarget> targets(long guildId) {
        return subscriptions.targets().listForGuild(guildId);
    }

    /** Where one subscription posts. */
    io.github.tldrbot.store.SubscriptionTarget target(long subscriptionId) {
        return subscriptions.targets().find(subscriptionId);
    }

    List<Subscription> subscriptions(long guildId) {
        return subscriptions.listForGuild(guildId);
    }

    /** The guild's subscribed feeds by id, in order of first subscription. */
    Map<Long, FeedRecord> feeds(List<Subscription> subs) {
        Map<Long, FeedRecord> byId = new LinkedHashMap<>();
        for (Subscription s : subs) {
            if (!byId.containsKey(s.feedId())) {
                feeds.findById(s.feedId()).ifPresent(f -> byId.put(f.id(), f));
            }
        }
        return byId;
    }

    /** Resolves the {@code feed} option among the guild's feeds. */
    FeedRecord resolve(long guildId, String value) throws UserError {
        String typed = value == null ? "" : value.strip();
        Map<Long, FeedRecord> mine = feeds(subscriptions(guildId));
        Optional<FeedRecord> found = mine.values().stream()
                .filter(f -> Long.toString(f.id()).equals(typed) || f.url().equals(typed)
                        || (f.title() != null && f.title().equalsIgnoreCase(typed)))
                .findFirst();
        return found.orElseThrow(() -> new UserError("Unknown feed '" + typed + "': this server does not subscribe to it. "
                + "Pick one from the suggestions, or see /feed list."));
    }

    /** Autocomplete: the guild's feeds whose title or URL contains the typed text; value = feed id. */
    List<Command.Choice> choices(long guildId, String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = new ArrayList<>();
        for (FeedRecord feed : feeds(subscriptions(guildId)).values()) {
            String title = feed.title() == null ? "" : feed.title();
            if (title.toLowerCase(Locale.ROOT).contains(needle) || feed.url().toLowerCase(Locale.ROOT).contains(needle)) {
                choices.add(new Command.Choice(choiceName(feed), Long.toString(feed.id())));
                if (choices.size() == MAX_CHOICES) {
                    break;
                }
            }
        }
        return choices;
    }

    /** Discord caps a choice name at 100 characters. */
    private static String choiceName(FeedRecord feed) {
        String name = feed.title() == null || feed.title().isBlank() ? feed.url() : feed.title() + " — " + feed.url();
        return name.length() <= 100 ? name : name.substring(0, 99) + "…";
    }
}
