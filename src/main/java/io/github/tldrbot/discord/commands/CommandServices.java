package io.github.tldrbot.discord.commands;

import io.github.tldrbot.card.Summarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.discord.CardEmbeds;
import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.delivery.TestPosts;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.RecapStore;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.usecase.UseCases;
import java.time.Clock;

/**
 * What the commands work with, built once by the composition root ({@code app.Wiring}): the use
 * cases that change things, and the stores and services that commands only read from;
 * {@code testPosts} sends {@code /feed test} cards through the bot's {@link io.github.tldrbot.delivery.Publisher}.
 */
public record CommandServices(
        BotConfig config,
        UseCases useCases,
        FeedStore feeds,
        SubscriptionStore subscriptions,
        DeliveryStore deliveries,
        RecapStore recaps,
        RecapScheduleStore recapSchedules,
        FeedFetcher fetcher,
        FeedParser parser,
        Summarizer summarizer,
        CardEmbeds embeds,
        Clock clock,
        ModeratorPauseStore pauses,
        TestPosts testPosts) {
}
