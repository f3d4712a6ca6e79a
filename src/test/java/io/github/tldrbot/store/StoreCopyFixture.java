package io.github.tldrbot.store;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.config.FullTextMode;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.feed.Validators;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A store filled the way the bot fills it, through the stores themselves: feeds in every state, articles
 * with stories and cards, subscriptions, the outbox with a story card and its edit, roles, caches,
 * recap schedules, a crashed process's heartbeat and shard lease, and pruned rows so that SQLite's
 * AUTOINCREMENT counters run ahead of the largest ids. {@link #contents} reads all of it back through the stores, to compare a copy with its source.
 */
public final class StoreCopyFixture {
    public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    public static final long GUILD = 1;
    public static final long CHANNEL = 100;
    public static final String TOPIC_WORD = "vulnerability";

    private final Database db;
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final FeedStore feeds;
    final ArticleStore articles;
    final CardStore cards;
    final SubscriptionStore subscriptions;
    final DeliveryStore deliveries;
    final RecapScheduleStore schedules;

    public StoreCopyFixture(Database db) {
        this.db = db;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        subscriptions = new SubscriptionStore(db);
        deliveries = new DeliveryStore(db);
        schedules = new RecapScheduleStore(db);
    }

    /** Fills an empty store; {@code extraArticles} more plain articles (with cards) in feed A for volume. */
    public void fill(int extraArticles) {
        long a = feeds.add("https://a.example/feed.xml", T0.minus(Duration.ofDays(3)), Duration.ofMinutes(15));
        long b = feeds.add("https://b.example/rss", T0.minus(Duration.ofDays(3)), Duration.ofMinutes(30));
        long gone = feeds.add("https://gone.example/rss", T0, Duration.ofMinutes(15));
        feeds.recordSuccess(a, new SuccessfulPoll(T0.minusSeconds(60), new Validators("\"etag-1\"", "Sat, 28 Nov 2026 09:59:00 GMT"),
                "Alpha News — ünïcödé ✓", "https://a.example/", Duration.ofMinutes(20), T0.plus(Duration.ofMinutes(20))));
        feeds.recordFailure(b, T0.minusSeconds(30), "HTTP 500: server error", T0.plusSeconds(600));
        feeds.disable(b, "gone for good (HTTP 410)");
        feeds.markDisabledAnnounced(b);
        assertTrue(feeds.deleteIfUnsubscribed(gone), "the feed nobody follows is deleted");

        long s1 = subscriptions.upsert(a, CHANNEL, GUILD, null, "kernel, /rust(lang)?/", "sponsored", SubscriptionSource.COMMAND,
                T0.minus(Duration.ofDays(2)), FullTextMode.ALWAYS);
        long s2 = subscriptions.upsert(a, 200, null, "security", null, null, SubscriptionSource.CONFIG, T0.minus(Duration.ofDays(2)));
        long s3 = subscriptions.upsert(b, 300, GUILD, null, null, null, SubscriptionSource.COMMAND, T0.minus(Duration.ofDays(2)));
        subscriptions.pause(s2, "Missing permission: Send Messages");
        subscriptions.markPauseAnnounced(s2);
        subscriptions.markFeedDisabledTold(b, GUILD);

        Instant seen = T0.minus(Duration.ofHours(5));
        List<StoredArticle> stored = articles.insertIfNew(a, List.of(
                article("a1", "Critical vulnerabilities found in the kernel", "en"),
                article("a2", "Kernel maintainers patch the vulnerability", "en"),
                article("a3", "Ein Artikel über Datenbanken — „Zitat“ 🙂", "de"),
                new Article("a4", null, null, "https://a.example/a4", null, null, null, List.of(), null, null, null)),
                seen, fresh -> fresh.subList(0, 3)).fresh();
        articles.markPosted(stored.get(0).id());
        articles.setStories(Map.of(stored.get(0).id(), stored.get(0).id(), stored.get(1).id(), stored.get(0).id()));
        for (StoredArticle s : stored) {
            cards.save(s.id(), card(s.article().title()), seen.plusSeconds(1));
        }
        List<Article> more = new ArrayList<>();
        for (int i = 0; i < extraArticles; i++) {
            more.add(article("x" + i, "Extra story " + i + " about databases", null));
        }
        for (StoredArticle s : articles.insertIfNew(a, more, seen.plusSeconds(10))) {
            cards.save(s.id(), card(s.article().title()), seen.plusSeconds(11));
        }
        // the newest ids, pruned: AUTOINCREMENT remembers them, and PostgreSQL must never give them again
        articles.insertIfNew(b, List.of(article("old", "An old story", "en")), T0.minus(Duration.ofDays(400)));
        articles.prune(T0.minus(Duration.ofDays(365)));

        Subscription sub1 = subscriptions.findById(s1).orElseThrow();
        Subscription sub2 = subscriptions.findById(s2).orElseThrow();
        deliveries.enqueueAll(List.of(sub1, sub2), stored.get(0).id(), seen);
        Delivery post = deliveries.claimNext(CHANNEL, T0).orElseThrow();
        deliveries.markSent(post.id(), "1234567890123456789", T0.plusSeconds(1));
        deliveries.enqueueAll(List.of(sub1), stored.get(1).id(), T0.plusSeconds(2));
        Delivery edit = deliveries.claimNext(CHANNEL, T0.plusSeconds(3)).orElseThrow();
        assertTrue(edit.isEdit(), "the story's second article edits its card");
        deliveries.markEdited(edit, T0.plusSeconds(4));
        deliveries.enqueueAll(List.of(sub1), stored.get(2).id(), T0.plusSeconds(5));
        deliveries.markRetry(deliveries.claimNext(CHANNEL, T0.plusSeconds(6)).orElseThrow().id(), "HTTP 503", T0.plusSeconds(60));
        deliveries.enqueueAll(List.of(subscriptions.findById(s3).orElseThrow()), stored.get(3).id(), T0.plusSeconds(7));
        // why articles were not posted (V16): a filter's and the flood guard's reasons, and a moderator's pause
        deliveries.enqueueAll(List.of(), List.of(PostSkip.of(stored.get(2).id(), s2, SkipReason.AUDIENCE, "security"),
                PostSkip.feedWide(stored.get(3).id(), SkipReason.FLOOD, "5")), stored.get(2).id(), T0.plusSeconds(8));
        new ModeratorPauseStore(db).pause(s1, 5555L, "paused by a moderator", T0.plusSeconds(9));

        new AudienceRoleStore(db).set(GUILD, "security", 987654321098765432L);
        new CardCacheStore(db, clock).put("c0ffee", "openai:gpt-4o-mini", card("Cached card"));
        PageTextStore pages = new PageTextStore(db, clock);
        pages.put("https://a.example/a1", new PageText.Found("First paragraph.\n\nSecond one.",
                List.of(new ArticleLink("release notes", "https://a.example/notes"))));
        pages.put("https://a.example/a2", new PageText.Missing("HTTP_STATUS: HTTP 404"));

        // a process that crashed: its heartbeat, its shard lease and a feed claim stay behind
        ClusterStore cluster = new ClusterStore(db);
        cluster.register(new ProcessRecord("crashed-1", "old-host", 4242, List.of(0), 1, T0.minusSeconds(600), T0.minusSeconds(600)));
        assertTrue(cluster.takeShard(0, "crashed-1", null, T0.minusSeconds(600)), "the crashed process held shard 0");

        RecapSchedule weekly = schedules.add(GUILD, CHANNEL, "week", "security", "09:00", "mon", "0 0 9 ? * MON", T0);
        schedules.markRun(weekly.id(), T0.plusSeconds(3600), 1111222233334444L);
        schedules.upsertConfig(null, 200, "day", null, "0 0 8 * * ?", T0);
        RecapSchedule dropped = schedules.add(GUILD, CHANNEL, "day", null, "07:00", null, "0 0 7 * * ?", T0);
        assertTrue(schedules.delete(GUILD, dropped.id()), "the newest schedule is deleted");

        // a verified WebSub subscription (V17) keeps its callback, secret and lease across the copy
        WebSubStore webSub = new WebSubStore(db);
        webSub.advertise(a, "https://hub.example/", "https://a.example/feed.xml", "cb-alpha", "secret-alpha", T0);
        webSub.markRequested(webSub.claimDue(T0, Duration.ofMinutes(2), 10).get(0).id(), T0, T0.plusSeconds(300));
        assertTrue(webSub.confirmSubscribe("cb-alpha", "https://a.example/feed.xml", 864_000, T0, T0.plusSeconds(777_600)),
                "the hub verified the subscription");
    }

    /** Everything the stores read back, as values that compare equal when two stores hold the same. */
    public Map<String, Object> contents() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<FeedRecord> allFeeds = feeds.listAll();
        out.put("feeds", allFeeds);
        out.put("subscriptions", subscriptions.listAll());
        Map<Long, Object> articleRows = new TreeMap<>();
        Map<Long, Object> cardRows = new TreeMap<>();
        Map<Long, Object> deliveryRows = new TreeMap<>();
        for (FeedRecord f : allFeeds) {
            for (StoredArticle s : articles.listByFeed(f.id(), 10_000)) {
                articleRows.put(s.id(), s);
                cardRows.put(s.id(), cards.find(s.id()));
                articleRows.put(-s.id(), articles.listStoryOf(s.id(), 10));
            }
        }
        for (Subscription s : subscriptions.listAll()) {
            for (Delivery d : deliveries.listForSubscription(s.id())) {
                deliveryRows.put(d.id(), List.of(d, deliveries.findEdited(d)));
            }
        }
        out.put("articles", articleRows);
        out.put("cards", cardRows);
        out.put("deliveries", deliveryRows);
        PostHistoryStore history = new PostHistoryStore(db);
        Map<String, Object> skips = new TreeMap<>();
        for (Subscription s : subscriptions.listAll()) {
            articleRows.keySet().stream().filter(id -> id > 0).limit(10)
                    .forEach(id -> skips.put(s.id() + "/" + id, history.history(id, s.id())));
        }
        out.put("post history", skips);
        out.put("moderator pauses", new ModeratorPauseStore(db).listForGuild(GUILD));
        out.put("pending posts", articles.listPendingPosts());
        out.put("channels with due sends", deliveries.listChannelsWithDue(T0.plus(Duration.ofDays(1))));
        out.put("roles", new AudienceRoleStore(db).listForGuild(GUILD));
        out.put("card cache", new CardCacheStore(db, clock).find("c0ffee", "openai:gpt-4o-mini"));
        PageTextStore pages = new PageTextStore(db, clock);
        out.put("pages", List.of(pages.find("https://a.example/a1"), pages.find("https://a.example/a2")));
        out.put("schedules", schedules.listAll());
        out.put("weekly recap", schedules.findLatestWeeklyRecap(GUILD));
        RecapStore recaps = new RecapStore(db);
        out.put("topic search", topicSearch(recaps));
        out.put("audience counts", recaps.audienceCounts(GUILD, T0.minus(Duration.ofDays(7)), T0.plus(Duration.ofDays(1))));
        out.put("guild feeds", recaps.listGuildFeeds(GUILD));
        ClusterStore cluster = new ClusterStore(db);
        out.put("processes", cluster.live(T0, Duration.ofDays(1)));
        out.put("shard holders", cluster.shardHolders());
        return out;
    }

    /** The article ids {@code /recap topic:vulnerability} finds for the guild over the last week. */
    public List<Long> topicSearch(RecapStore recaps) {
        RecapFilter filter = new RecapFilter(GUILD, T0.minus(Duration.ofDays(7)), T0.plus(Duration.ofDays(1)), null,
                TopicQuery.parse(TOPIC_WORD).orElseThrow(), null);
        return recaps.candidates(filter).candidates().stream().map(RecapCandidate::articleId).sorted().toList();
    }

    /**
     * Every row of {@code table} (its columns in {@code columns}, ordered by the first one), values
     * normalised across drivers: integers as {@code Long}, booleans as 0/1.
     */
    public static List<List<Object>> rows(Database db, String table, List<String> columns) {
        return db.read(connection -> {
            List<List<Object>> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table
                    + " ORDER BY " + String.join(", ", columns));
                 ResultSet row = select.executeQuery()) {
                ResultSetMetaData meta = row.getMetaData();
                while (row.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = row.getObject(i);
                        values.add(v instanceof Boolean bool ? (Object) (bool ? 1L : 0L) : v instanceof Number n
                                && !(v instanceof Double) ? (Object) n.longValue() : v);
                    }
                    rows.add(values);
                }
            }
            return rows;
        });
    }

    private static Article article(String id, String title, String lang) {
        return new Article(id, "urn:" + id, title, "https://a.example/" + id, T0.minus(Duration.ofHours(6)),
                T0.minus(Duration.ofHours(5)), "Ann O'Author", List.of("security", "linux"),
                title + ". A summary that says more about it.", "Body of " + id, "https://a.example/" + id + ".png")
                .withLang(lang);
    }

    private static Card card(String title) {
        return new Card("TL;DR: " + title, "What changed", "Why it matters", "Update now",
                List.of(new AudienceRef("security", "Security folks"), new AudienceRef("developers", "Developers")),
                List.of("one", "two"), "extractive", "Hook: " + title, "Insight", "Deep dive", "Later",
                List.of(new TimelineEntry(LocalDate.of(2026, 11, 27), "It began", "https://a.example/start"),
                        new TimelineEntry(LocalDate.of(2026, 11, 28), "It was fixed", null)));
    }

    private static void assertTrue(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("fixture: expected " + what);
        }
    }
}
