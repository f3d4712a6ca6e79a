package io.github.tldrbot.discord.commands;

import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Clock;

/**
 * What the commands work with, built once by the composition root. Commands that need a service
 * not listed here get it from one of these (e.g. a store over {@link #database()}).
 */
public record CommandServices(
        BotConfig config,
        Database database,
        FeedStore feeds,
        ArticleStore articles,
        CardStore cards,
        SubscriptionStore subscriptions,
        DeliveryStore deliveries,
        AudienceRoleStore roles,
        FeedFetcher fetcher,
        FeedParser parser,
        Summarizer summarizer,
        CardEmbeds embeds,
        Clock clock) {
}
