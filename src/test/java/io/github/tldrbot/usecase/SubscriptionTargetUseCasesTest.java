package io.github.tldrbot.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.config.FeedEntryConfig;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.config.WebhookConfig;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.StoreTest;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SubscriptionTarget;
import io.github.tldrbot.store.SubscriptionTargetStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Subscribe, ChangeFilters and SyncConfigFeeds carry where cards go (thread, webhook) in their transaction. */
class SubscriptionTargetUseCasesTest {
    private static final long GUILD = 1L << 22;
    private static final long CHANNEL = 100;

    private static Subscribe.Request request(SubscriptionTarget target) throws Exception {
        String url = "https://one.example/feed";
        byte[] body = """
                <rss version="2.0"><channel><title>T</title><link>https://site.example/</link>
                <item><guid>a</guid><title>First story</title><link>https://site.example/a</link></item>
                </channel></rss>""".getBytes(StandardCharsets.UTF_8);
        FetchResult.Ok ok = new FetchResult.Ok(URI.create(url), body, "application/rss+xml", Validators.NONE, null);
        return new Subscribe.Request(GUILD, CHANNEL, "<#" + CHANNEL + ">", url, ok,
                new FeedParser().parse(body, "application/rss+xml", url), Filters.NONE, FullTextMode.AUTO,
                SubscriptionSource.COMMAND, target);
    }

    private static UseCases useCases(Database db) {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("limits: {feedsPerGuild: 5}\n", "targets-test");
        return UseCases.of(config, db, RecapScheduleChanges.NONE, Clock.systemUTC());
    }

    @StoreTest
    void subscribeStoresTheTargetAndFeedFilterChangesOnlyWhatIsGiven(Database db) throws Exception {
        UseCases cases = useCases(db);
        SubscriptionTarget radar = Targets.validated(true, "Release Radar", "https://cdn.example.org/radar.png");
        long id = cases.subscribe().run(request(radar)).subscriptionId();
        SubscriptionTargetStore targets = new SubscriptionTargetStore(db);
        assertThat(targets.find(id)).isEqualTo(radar);

        Subscription sub = new SubscriptionStore(db).findById(id).orElseThrow();
        ChangeFilters.Changed changed = cases.changeFilters().run(sub, null, "java", null, false,
                new ChangeFilters.TargetChange(false, null, null));
        assertThat(changed.target()).isEqualTo(new SubscriptionTarget(false, "Release Radar", "https://cdn.example.org/radar.png"));
        assertThat(changed.filters().include()).isEqualTo("java");
        assertThat(targets.find(id)).isEqualTo(changed.target());

        changed = cases.changeFilters().run(sub, null, null, null, false, new ChangeFilters.TargetChange(null, "Newsroom", null));
        assertThat(changed.target().webhookName()).isEqualTo("Newsroom");
        assertThat(changed.target().webhookAvatar()).as("the avatar stays").isEqualTo("https://cdn.example.org/radar.png");

        changed = cases.changeFilters().run(sub, null, null, null, false, new ChangeFilters.TargetChange(null, "none", null));
        assertThat(changed.target()).isEqualTo(SubscriptionTarget.PLAIN);
        assertThat(targets.find(id)).isEqualTo(SubscriptionTarget.PLAIN);
    }

    @StoreTest
    void invalidWebhookValuesAreRefusedAndChangeNothing(Database db) throws Exception {
        UseCases cases = useCases(db);
        assertThatThrownBy(() -> Targets.validated(false, null, "https://cdn.example.org/a.png"))
                .isInstanceOf(Refused.class).hasMessageContaining("webhook-avatar needs webhook-name");
        assertThatThrownBy(() -> Targets.validated(false, "Radar", "javascript:alert(1)"))
                .isInstanceOf(Refused.class).hasMessageContaining("webhook-avatar").hasMessageContaining("http(s)");
        assertThatThrownBy(() -> Targets.validated(false, "Discord bot", null))
                .isInstanceOf(Refused.class).hasMessageContaining("webhook-name");

        long id = cases.subscribe().run(request(SubscriptionTarget.PLAIN)).subscriptionId();
        Subscription sub = new SubscriptionStore(db).findById(id).orElseThrow();
        assertThatThrownBy(() -> cases.changeFilters().run(sub, null, "kotlin", null, false,
                new ChangeFilters.TargetChange(true, null, "ftp://x.example/a.png")))
                .isInstanceOf(Refused.class).hasMessageContaining("webhook-avatar");
        assertThat(new SubscriptionStore(db).findById(id).orElseThrow().include()).as("rolled back").isNull();
        assertThat(new SubscriptionTargetStore(db).find(id)).isEqualTo(SubscriptionTarget.PLAIN);
        assertThatThrownBy(() -> cases.changeFilters().run(sub, null, null, null, false, ChangeFilters.TargetChange.NONE))
                .isInstanceOf(Refused.class).hasMessageContaining("thread");
    }

    @StoreTest
    void configEntriesSetAndResetTheTarget(Database db) {
        UseCases cases = useCases(db);
        cases.syncConfigFeeds().withSubscriptions(List.of(new FeedEntryConfig("https://a.example/feed", "101", null, null, null,
                FullTextMode.AUTO, true, new WebhookConfig("Radar", null))), channel -> Optional.of(GUILD));
        Subscription sub = new SubscriptionStore(db).listForChannel(101).get(0);
        assertThat(new SubscriptionTargetStore(db).find(sub.id())).isEqualTo(new SubscriptionTarget(true, "Radar", null));

        cases.syncConfigFeeds().withSubscriptions(List.of(new FeedEntryConfig("https://a.example/feed", "101", null, null, null)),
                channel -> Optional.of(GUILD));
        assertThat(new SubscriptionTargetStore(db).find(sub.id())).as("the file is the truth").isEqualTo(SubscriptionTarget.PLAIN);
    }
}
