package io.github.tldrbot.usecase;

import io.github.tldrbot.card.AudienceClassifier;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.card.ExtractiveSummarizer;
import io.github.tldrbot.config.BotConfig;
import io.github.tldrbot.config.ConfigLoader;
import io.github.tldrbot.delivery.OutboxCardSink;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.HttpFeedFetcher;
import io.github.tldrbot.poll.FeedDocumentParser;
import io.github.tldrbot.poll.FeedRefresher;
import io.github.tldrbot.poll.NewArticlePoster;
import io.github.tldrbot.poll.PollIntervalPolicy;
import io.github.tldrbot.schedule.RecapScheduleChanges;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.Delivery;
import io.github.tldrbot.store.DeliveryStatus;
import io.github.tldrbot.store.DeliveryStore;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.usecase.PostVerdict.Kind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason of SPEC §6.5, end to end at the poll level: a feed served on 127.0.0.1 is polled by the
 * real {@link FeedRefresher} into the Discord-mode outbox sink on SQLite, and {@link ExplainArticle}
 * tells for each article and channel why it was (not) posted; {@link ResumeSubscription} catches up.
 */
class SkipReasonsPollTest {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final long GUILD = 9;

    @TempDir
    Path dir;
    private MockWebServer server;
    private final List<String> items = new ArrayList<>();
    private BotConfig config;
    private Database db;
    private HttpFeedFetcher fetcher;
    private FeedStore feeds;
    private ArticleStore articles;
    private SubscriptionStore subscriptions;
    private DeliveryStore deliveries;
    private UseCases useCases;
    private FeedRefresher refresher;
    private long feed;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/rss+xml").body(document()).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        config = new ConfigLoader(DefaultAudiences.list()).parse("""
                storage: {jdbcUrl: "jdbc:sqlite:%s"}
                fetch: {allowPrivateNetworks: true, timeout: 3s}
                polling: {maxPostsPerPoll: 2, maxArticleAge: 3d}
                """.formatted(dir.resolve("bot.db")), "skip-reasons-test");
        db = Database.open(config.storage());
        fetcher = new HttpFeedFetcher(config.fetch());
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
        CardStore cards = new CardStore(db);
        useCases = UseCases.of(config, db, RecapScheduleChanges.NONE, Clock.systemUTC());
        OutboxCardSink sink = new OutboxCardSink(subscriptions, deliveries, () -> { }, Clock.systemUTC());
        NewArticlePoster poster = new NewArticlePoster(new ExtractiveSummarizer(new AudienceClassifier(config.audiences())),
                cards, sink, Clock.systemUTC());
        refresher = new FeedRefresher(fetcher, FeedDocumentParser.skippingKnown(new FeedParser()), feeds, articles, poster,
                new PollIntervalPolicy(config.polling()), config.polling(), Clock.systemUTC());
        feed = feeds.add(server.url("/feed.xml").toString(), Instant.now().minusSeconds(60), Duration.ofMinutes(15));
    }

    @AfterEach
    void tearDown() throws Exception {
        fetcher.close();
        db.close();
        server.close();
    }

    private synchronized void item(String id, String title, String text, Instant published) {
        items.add(0, "<item><title>" + title + "</title><link>" + link(id) + "</link><guid>" + id + "</guid><pubDate>"
                + RFC_1123.format(published) + "</pubDate><description>" + text + "</description></item>");
    }

    private synchronized String document() {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Wire</title><link>https://wire.example/</link>"
                + String.join("", items) + "</channel></rss>";
    }

    private String link(String id) {
        return server.url("/articles/" + id).toString();
    }

    private Subscription subscribe(long channel, String audience, String include, String exclude) {
        long id = subscriptions.upsert(feed, channel, GUILD, audience, include, exclude, SubscriptionSource.COMMAND, Instant.now());
        return subscriptions.findById(id).orElseThrow();
    }

    private void poll() {
        refresher.refresh(feeds.findById(feed).orElseThrow());
    }

    private ExplainArticle.Match why(long channel, String article) throws Refused {
        ExplainArticle.Answer answer = useCases.explainArticle().run(channel, article);
        assertThat(answer.matches()).as("matches for %s", article).hasSize(1);
        return answer.matches().get(0);
    }

    private Delivery delivery(Subscription sub, String id) {
        long articleId = why(sub, id);
        return deliveries.listForSubscription(sub.id()).stream().filter(d -> d.articleId() == articleId).findFirst().orElseThrow();
    }

    private long why(Subscription sub, String id) {
        try {
            return why(sub.channelId(), link(id)).article().id();
        } catch (Refused e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyArticleAChannelDidNotGetHasItsReason() throws Exception {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        subscribe(100, null, null, null);
        subscribe(200, null, "kubernetes", null);
        subscribe(300, null, null, "gizmo, /wid[a-z]+/");
        subscribe(400, "investors", null, null);
        Subscription paused = subscribe(500, null, null, null);
        useCases.pauseSubscription().run(paused, 77);

        item("seed", "Acme seeds the wire", "The first article of the feed.", hourAgo.minusSeconds(600));
        poll();
        item("old", "Ancient news resurfaces", "An article from last week.", Instant.now().minus(Duration.ofDays(10)));
        item("n1", "Gizmo 1 ships", "Gizmo 1 is out.", hourAgo.plusSeconds(1));
        item("n2", "Gizmo 2 ships", "Gizmo 2 is out.", hourAgo.plusSeconds(2));
        item("n3", "Acme widget release", "Acme released a widget. Download it today.", hourAgo.plusSeconds(3));
        item("n4", "Compiler 9 is faster", "The compiler is faster. Update now.", hourAgo.plusSeconds(4));
        poll();

        assertThat(why(100, link("seed")).verdict().kind()).isEqualTo(Kind.SEEDED);
        assertThat(why(100, link("old")).verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.TOO_OLD);
            assertThat(v.text()).contains("polling.maxArticleAge (3d)");
        });
        assertThat(why(100, link("n1")).verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.FLOOD);
            assertThat(v.text()).contains("polling.maxPostsPerPoll (2)");
        });
        assertThat(why(100, link("n3")).verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(why(200, link("n3")).verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.FILTERED);
            assertThat(v.text()).contains("include").contains("kubernetes");
        });
        assertThat(why(300, link("n3")).verdict().text()).contains("exclude").contains("/wid[a-z]+/");
        assertThat(why(300, link("n4")).verdict().kind()).isEqualTo(Kind.WAITING);
        assertThat(why(400, link("n3")).verdict().text()).contains("audience").contains("investors");
        assertThat(why(500, link("n4")).verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.PAUSED);
            assertThat(v.text()).contains(PauseSubscription.REASON);
        });
        assertThat(deliveries.listForSubscription(paused.id())).isEmpty();

        subscribe(600, null, null, null);
        assertThat(why(600, link("n3")).verdict().kind()).isEqualTo(Kind.BEFORE_SUBSCRIBED);
    }

    @Test
    void postedFailedAndMergedDeliveriesAreToldWithTheMessageLink() throws Exception {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        Subscription all = subscribe(100, null, null, null);
        item("seed", "Acme seeds the wire", "The first article of the feed.", hourAgo.minusSeconds(600));
        poll();
        item("n1", "Acme widget release", "Acme released a widget. Download it today.", hourAgo.plusSeconds(1));
        item("n2", "Compiler 9 is faster", "The compiler is faster. Update now.", hourAgo.plusSeconds(2));
        poll();

        Delivery first = delivery(all, "n1");
        deliveries.markSent(first.id(), "9001", Instant.now());
        assertThat(why(100, "acme WIDGET").verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.POSTED);
            assertThat(v.messageLink()).isEqualTo("https://discord.com/channels/9/100/9001");
        });
        deliveries.markFailed(delivery(all, "n2").id(), "Missing Access (Discord 403)", Instant.now());
        assertThat(why(100, link("n2") + "/?utm_source=chat#top").verdict()).as("a slash, tracking, a fragment: still found")
                .satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.FAILED);
            assertThat(v.text()).contains("Missing Access (Discord 403)");
        });

        // a later article of the same story (the story tracker's job, done by hand here) edits the posted card
        Article more = new Article("m1", "m1", "Acme widget follow-up", link("m1"), Instant.now(), null, null, List.of(),
                "More on the widget.", null, null);
        long followUp = articles.insertIfNew(feed, List.of(more), Instant.now()).get(0).id();
        articles.setStories(Map.of(followUp, first.articleId()));
        deliveries.enqueue(all, followUp, Instant.now());
        assertThat(why(100, link("m1")).verdict()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.MERGED);
            assertThat(v.text()).contains("still waiting");
            assertThat(v.messageLink()).isEqualTo("https://discord.com/channels/9/100/9001");
        });
    }

    @Test
    void titleWordsListSeveralMatchesAndNothingFoundSaysWhatWasSearched() throws Exception {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        subscribe(100, null, null, null);
        item("a", "Gizmo 1 ships", "Gizmo 1 is out.", hourAgo);
        item("b", "Gizmo 2 ships", "Gizmo 2 is out.", hourAgo.plusSeconds(1));
        poll();

        ExplainArticle.Answer two = useCases.explainArticle().run(100, "gizmo ships");
        assertThat(two.matches()).extracting(m -> m.article().article().title()).containsExactly("Gizmo 2 ships", "Gizmo 1 ships");
        ExplainArticle.Answer none = useCases.explainArticle().run(100, "quantum");
        assertThat(none.matches()).isEmpty();
        assertThat(none.searched()).isEqualTo("titles containing \"quantum\"");
        assertThat(useCases.explainArticle().run(100, "https://elsewhere.example/x").searched())
                .isEqualTo("the link https://elsewhere.example/x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> useCases.explainArticle().run(999, "gizmo"))
                .isInstanceOf(Refused.class).hasMessageContaining("subscribes to no feed");
    }

    @Test
    void resumePostsNothingFromThePauseUnlessCatchUpThenTheNewestFewOldestFirst() throws Exception {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        Subscription quiet = subscribe(100, null, null, null);
        Subscription eager = subscribe(200, null, null, null);
        item("seed", "Acme seeds the wire", "The first article of the feed.", hourAgo.minusSeconds(600));
        poll();
        useCases.pauseSubscription().run(quiet, 77);
        useCases.pauseSubscription().run(eager, 77);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                String id = "r" + round + "-" + i;
                item(id, "Update " + id + " released", "Release " + id + " is out. Download it.", hourAgo.plusSeconds(10L * round + i));
                // keep each poll within the flood guard, so every article reaches the sink
            }
            poll();
        }
        assertThat(deliveries.listForSubscription(quiet.id())).isEmpty();

        assertThat(useCases.resumeSubscription().run(quiet, false).caughtUp()).isZero();
        ResumeSubscription.Resumed resumed = useCases.resumeSubscription().run(eager, true);
        assertThat(resumed.lifted()).isPresent();
        assertThat(resumed.caughtUp()).isEqualTo(2);

        assertThat(deliveries.listForSubscription(quiet.id())).isEmpty();
        List<Long> queued = deliveries.listForSubscription(eager.id()).stream().map(Delivery::articleId).toList();
        List<Long> expected = List.of(why(eager, "r1-0"), why(eager, "r1-1"));
        assertThat(queued).as("the newest two, oldest first").isEqualTo(expected);
        assertThat(deliveries.listForSubscription(eager.id())).allMatch(d -> d.status() == DeliveryStatus.PENDING);
        assertThat(why(200, link("r0-0")).verdict().kind()).as("older than the catch-up window: still paused").isEqualTo(Kind.PAUSED);
        assertThat(why(100, link("r1-1")).verdict().kind()).isEqualTo(Kind.PAUSED);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> useCases.resumeSubscription().run(
                        subscriptions.findById(eager.id()).orElseThrow(), true))
                .isInstanceOf(Refused.class).hasMessageContaining("not paused");
    }

}
