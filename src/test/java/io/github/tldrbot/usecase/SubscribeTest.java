package io.github.tldrbot.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.FetchResult;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.StoreTest;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** {@link Subscribe} and {@link Unsubscribe} on both stores: seeding, refusals that change nothing, the guild limit. */
class SubscribeTest {
    private static final long GUILD = 1L << 22;
    private static final long CHANNEL = 100;

    private static Subscribe.Request request(String url, long channel) throws Exception {
        String rss = """
                <rss version="2.0"><channel><title>T</title><link>https://site.example/</link>
                <item><guid>a</guid><title>First story</title><link>https://site.example/a</link></item>
                <item><guid>b</guid><title>Second story</title><link>https://site.example/b</link></item>
                </channel></rss>""";
        byte[] body = rss.getBytes(StandardCharsets.UTF_8);
        FetchResult.Ok ok = new FetchResult.Ok(URI.create(url), body, "application/rss+xml", Validators.NONE, null);
        return new Subscribe.Request(GUILD, channel, "<#" + channel + ">", url, ok,
                new FeedParser().parse(body, "application/rss+xml", url), Filters.NONE, FullTextMode.AUTO, SubscriptionSource.COMMAND);
    }

    private static UseCases useCases(Database db) {
        BotConfig config = new ConfigLoader(DefaultAudiences.list()).parse("limits: {feedsPerGuild: 1}\n", "subscribe-test");
        return UseCases.of(config, db, RecapScheduleChanges.NONE, Clock.systemUTC());
    }

    @StoreTest
    void aNewFeedIsSeededWithoutPostsAndSubscribedInOneGo(Database db) throws Exception {
        Subscribe.Request request = request("https://one.example/feed", CHANNEL);
        Subscribe.Subscribed done = useCases(db).subscribe().run(request);
        java.util.List<String> ids = request.parsed().articles().stream().map(io.github.tldrbot.feed.Article::id).toList();
        assertThat(done.seeded()).isTrue();
        assertThat(new FeedStore(db).findById(done.feedId()).orElseThrow().seeded()).isTrue();
        assertThat(new ArticleStore(db).knownIdentities(done.feedId(), ids)).hasSize(2);
        assertThat(new ArticleStore(db).listPendingPosts()).isEmpty();
        assertThat(new SubscriptionStore(db).findByChannelAndFeed(CHANNEL, done.feedId())).isPresent();
    }

    @StoreTest
    void aDuplicateAndAGuildOverItsLimitAreRefusedAndChangeNothing(Database db) throws Exception {
        UseCases cases = useCases(db);
        cases.subscribe().run(request("https://one.example/feed", CHANNEL));
        assertThatThrownBy(() -> cases.subscribe().run(request("https://one.example/feed", CHANNEL)))
                .isInstanceOf(Refused.class).hasMessageContaining("already gets");
        assertThatThrownBy(() -> cases.subscribe().run(request("https://two.example/feed", CHANNEL)))
                .isInstanceOf(Refused.class).hasMessageContaining("limits.feedsPerGuild = 1");
        assertThat(new FeedStore(db).findByUrl("https://two.example/feed")).isEmpty();
        assertThat(new SubscriptionStore(db).listForGuild(GUILD)).hasSize(1);
        // the same feed in a second channel does not count against the limit
        cases.subscribe().run(request("https://one.example/feed", CHANNEL + 1));
        assertThat(new SubscriptionStore(db).listForGuild(GUILD)).hasSize(2);
    }

    @StoreTest
    void unsubscribingTheLastChannelStopsPollingTheFeed(Database db) throws Exception {
        UseCases cases = useCases(db);
        long feedId = cases.subscribe().run(request("https://one.example/feed", CHANNEL)).feedId();
        FeedStore feeds = new FeedStore(db);
        Unsubscribe.Unsubscribed done = cases.unsubscribe().run(GUILD, feeds.findById(feedId).orElseThrow(), null);
        assertThat(done.removed()).hasSize(1);
        assertThat(done.feedDropped()).isTrue();
        assertThat(feeds.findById(feedId)).isEmpty();
        assertThat(feeds.listAll()).isEmpty();
        assertThat(new ArticleStore(db).listPendingPosts()).isEmpty();
    }
}
