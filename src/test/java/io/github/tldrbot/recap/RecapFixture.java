package io.github.tldrbot.recap;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.Validators;
import io.github.tldrbot.store.ArticleStore;
import io.github.tldrbot.store.CardStore;
import io.github.tldrbot.store.Database;
import io.github.tldrbot.store.FeedStore;
import io.github.tldrbot.store.RecapStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.SubscriptionSource;
import io.github.tldrbot.store.SubscriptionStore;
import io.github.tldrbot.store.SuccessfulPoll;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A real database (by default a SQLite file) with hand-made feeds, subscriptions, articles and cards, for recap tests. */
public final class RecapFixture implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    public static final List<AudienceConfig> AUDIENCES = List.of(
            new AudienceConfig("developers", "Developers & AI Engineers", "People who build software", 0x3366FF, Map.of("api", 1.0)),
            new AudienceConfig("security", "Security", "People who keep systems safe", 0xCC0000, Map.of("cve", 1.0)),
            new AudienceConfig("founders", "Founders & Executives", "People who run companies", null, Map.of("funding", 1.0)));

    public final Database db;
    public final FeedStore feeds;
    public final ArticleStore articles;
    public final CardStore cards;
    public final SubscriptionStore subscriptions;
    public final RecapStore recapStore;
    private final AtomicLong channels = new AtomicLong(9000);
    private final AtomicLong ids = new AtomicLong();

    public RecapFixture(Path dir) {
        this(new Database("jdbc:sqlite:" + dir.resolve("recap.db")));
    }

    /** On a database of any kind (e.g. a {@code TestDatabase}'s); {@link #close} closes it. */
    public RecapFixture(Database db) {
        this.db = db;
        feeds = new FeedStore(db);
        articles = new ArticleStore(db);
        cards = new CardStore(db);
        subscriptions = new SubscriptionStore(db);
        recapStore = new RecapStore(db);
    }

    public RecapService service() {
        return new RecapService(recapStore, AUDIENCES);
    }

    /** A feed with a title, subscribed in one new channel of each given guild. */
    public long feed(String title, long... guilds) {
        long id = feeds.add("https://" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example/feed.xml",
                NOW.minus(Duration.ofDays(100)), Duration.ofMinutes(15));
        feeds.recordSuccess(id, new SuccessfulPoll(NOW, new Validators(null, null), title, null, Duration.ofMinutes(15),
                NOW.plus(Duration.ofMinutes(15))));
        for (long guild : guilds) {
            subscriptions.upsert(id, channels.incrementAndGet(), guild, null, null, null, SubscriptionSource.COMMAND, NOW);
        }
        return id;
    }

    /** An article first seen {@code ago} before {@link #NOW}, with a card naming {@code audiences} (in order). */
    public long article(long feedId, String title, String link, String summary, Duration ago, String tldr, String... audiences) {
        Article article = new Article("id-" + ids.incrementAndGet(), null, title, link, null, null, null, List.of(),
                summary, summary, null);
        StoredArticle stored = articles.insertIfNew(feedId, List.of(article), NOW.minus(ago)).get(0);
        List<AudienceRef> refs = Arrays.stream(audiences).map(a -> new AudienceRef(a, a)).toList();
        cards.save(stored.id(), new Card(tldr, null, null, null, refs, List.of(), "extractive"), NOW);
        return stored.id();
    }

    public RecapRequest request(long guild, RecapPeriod period) {
        return new RecapRequest(guild, period, null, null, null, 25, NOW);
    }

    @Override
    public void close() {
        db.close();
    }
}
