package io.github.tldrbot.usecase;

import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.poll.FeedSeeder;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.AudienceRoleStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.ModeratorPauseStore;
import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.store.RecapScheduleStore;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SubscriptionTargetStore;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every use case that changes the store on someone's request, called alike by slash commands, the
 * config sync and the CLI. Each runs in one transaction; callers only read their input and render
 * the result. {@link ExplainArticle} ({@code /feed why}) only reads, but is a question a moderator
 * asks like the others, so it is built here too. The table "command → use case" is in docs/commands.md.
 */
public record UseCases(
        Subscribe subscribe,
        Unsubscribe unsubscribe,
        ChangeFilters changeFilters,
        ScheduleRecap scheduleRecap,
        CancelRecap cancelRecap,
        AssignAudienceRole assignAudienceRole,
        SyncConfigFeeds syncConfigFeeds,
        SyncConfigRecaps syncConfigRecaps,
        PauseSubscription pauseSubscription,
        ResumeSubscription resumeSubscription,
        ExplainArticle explainArticle,
        ImportOpml importOpml,
        ExportOpml exportOpml) {

    /**
     * The use cases over {@code database} with the configuration's limits and intervals (the
     * composition root, {@code app.Wiring}, calls this; so do tests of the commands). Stores are
     * thin views over the database, so the use cases get their own.
     *
     * @param recapChanges the running recap scheduler, told when a schedule is added or removed
     */
    public static UseCases of(BotConfig config, Database database, RecapScheduleChanges recapChanges, Clock clock) {
        FeedStore feeds = new FeedStore(database);
        SubscriptionStore subscriptions = new SubscriptionStore(database);
        SubscriptionTargetStore targets = new SubscriptionTargetStore(database);
        RecapScheduleStore schedules = new RecapScheduleStore(database);
        ModeratorPauseStore pauses = new ModeratorPauseStore(database);
        PostHistoryStore history = new PostHistoryStore(database);
        FeedSeeder seeder = new FeedSeeder(feeds, new ArticleStore(database), new PollIntervalPolicy(config.polling()), clock);
        Set<String> configuredUrls = config.feeds().stream().map(FeedEntryConfig::url).collect(Collectors.toSet());
        Subscribe subscribe = new Subscribe(database, feeds, subscriptions, targets, seeder, config.limits().feedsPerGuild(),
                config.polling().defaultInterval(), clock);
        return new UseCases(
                subscribe,
                new Unsubscribe(database, feeds, subscriptions, configuredUrls),
                new ChangeFilters(database, subscriptions, targets),
                new ScheduleRecap(database, schedules, recapChanges, clock),
                new CancelRecap(schedules, recapChanges),
                new AssignAudienceRole(database, new AudienceRoleStore(database)),
                new SyncConfigFeeds(database, feeds, subscriptions, targets, config.discord().shards(), config.polling().defaultInterval(),
                        clock),
                new SyncConfigRecaps(database, schedules, config.discord().shards(), clock),
                new PauseSubscription(database, pauses, clock),
                new ResumeSubscription(database, pauses, history, new DeliveryStore(database), config.polling().maxPostsPerPoll(), clock),
                new ExplainArticle(subscriptions, history, config.polling().maxArticleAge()),
                new ImportOpml(database, subscribe, subscriptions, config.fetch().allowPrivateNetworks()),
                new ExportOpml(feeds, subscriptions, clock));
    }
}
