package io.github.tldrbot.store;

import static io.github.tldrbot.recap.RecapFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.recap.RecapFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * An audience recap reads the audience's own rows ({@code V13__recap_audiences.sql}; on PostgreSQL
 * also with a topic), which carry their article's feed and first-seen time: it must find exactly
 * the articles whose card names the audience, on every path, with and without a topic, however the
 * rows came to be (a card saved, saved again, an article moved, rows stored before the migration).
 */
class RecapAudienceRowsTest {
    static final long GUILD = 1;

    private static List<Long> ids(RecapStore store, RecapFilter filter) {
        return store.candidates(filter).candidates().stream().map(RecapCandidate::articleId).sorted().toList();
    }

    private static RecapFilter filter(String audience, Long feed) {
        return filter(audience, null, feed);
    }

    private static RecapFilter filter(String audience, String topic, Long feed) {
        return new RecapFilter(GUILD, NOW.minus(Duration.ofDays(7)), NOW, audience,
                topic == null ? null : TopicQuery.parse(topic).orElseThrow(), feed);
    }

    /**
     * Every path's answer for the audience (with and without a topic), and the articles of the
     * recap without the audience whose card names it.
     */
    private static void assertAudienceMatchesCards(Database db, String audience, Long feed) {
        RecapStore all = new RecapStore(db, Integer.MAX_VALUE, 64);
        for (String topic : new String[] {null, "story", "even"}) {
            List<Long> expected = all.candidates(filter(null, topic, feed)).candidates().stream()
                    .filter(c -> c.audiences().contains(audience)).map(RecapCandidate::articleId).sorted().toList();
            for (RecapStore store : List.of(all, new RecapStore(db, 0, 0), new RecapStore(db))) {
                RecapFilter asked = filter(audience, topic, feed);
                assertThat(ids(store, asked)).as(asked.toString()).isEqualTo(expected);
                assertThat(store.candidates(asked).matched()).isEqualTo(expected.size());
            }
        }
    }

    @StoreTest
    void anAudienceRecapFindsTheArticlesWhoseCardNamesItOnEveryPath(Database db) {
        try (RecapFixture fx = new RecapFixture(db)) {
            long a = fx.feed("Alpha", GUILD);
            long b = fx.feed("Beta", GUILD);
            long other = fx.feed("Other", 2);
            String[][] audiences = {{"developers"}, {"security", "developers"}, {"founders"}, {}};
            for (int i = 0; i < 48; i++) {
                long feed = i % 3 == 0 ? a : i % 3 == 1 ? b : other;
                fx.article(feed, "Story " + i, "https://x.example/" + i, "About " + (i % 2 == 0 ? "even" : "odd") + " " + i,
                        Duration.ofHours((i * 29L) % 230), "t", audiences[i % 4]);
            }
            assertThat(ids(fx.recapStore, filter("security", null))).isNotEmpty();
            for (String audience : List.of("developers", "security", "founders", "nobody")) {
                assertAudienceMatchesCards(db, audience, null);
                assertAudienceMatchesCards(db, audience, b);
            }

            // a card saved again with other audiences, an article moved to another feed and time
            long moved = fx.article(a, "Moved", "https://x.example/moved", "m", Duration.ofDays(30), "t", "security");
            fx.cards.save(fx.article(b, "Resaved", "https://x.example/r", "r", Duration.ofHours(3), "t", "security"),
                    new Card("t", null, null, null, List.of(new AudienceRef("founders", "Founders")), List.of(), "extractive"), NOW);
            db.write(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE articles SET feed_id = ?, first_seen_at = ? WHERE id = ?")) {
                    update.setLong(1, b);
                    update.setLong(2, NOW.minus(Duration.ofHours(1)).toEpochMilli());
                    update.setLong(3, moved);
                    return update.executeUpdate();
                }
            });
            assertThat(ids(fx.recapStore, filter("security", b))).contains(moved);
            for (String audience : List.of("security", "founders")) {
                assertAudienceMatchesCards(db, audience, null);
                assertAudienceMatchesCards(db, audience, a);
                assertAudienceMatchesCards(db, audience, b);
            }
        }
    }

    @StoreTest
    void audienceRowsStoredBeforeTheMigrationGetTheirArticlesFeedAndTime(StoreKind kind) throws SQLException {
        try (TestDatabase test = kind.create(false)) {
            var storage = test.storage();
            SqlDialect dialect = SqlDialect.forJdbcUrl(storage.jdbcUrl());
            Flyway.configure().dataSource(storage.jdbcUrl(), storage.username(), storage.password())
                    .locations(dialect.migrationLocations()).placeholders(dialect.placeholders())
                    .target("12").load().migrate();
            long seen = NOW.minus(Duration.ofHours(5)).toEpochMilli();
            try (Connection c = DriverManager.getConnection(storage.jdbcUrl(), storage.username(), storage.password());
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO feeds (url, title, next_poll_at, poll_interval_ms, created_at) VALUES ('https://f.example', 'F', 0, 1, 0)");
                s.execute("INSERT INTO subscriptions (feed_id, guild_id, channel_id, source, created_at) VALUES (1, " + GUILD
                        + ", 7, 'command', 0)");
                s.execute("INSERT INTO articles (feed_id, identity, title, first_seen_at) VALUES (1, 'x', 'Old', " + seen + ")");
                s.execute("INSERT INTO cards (article_id, tldr, summarizer, created_at) VALUES (1, 't', 'extractive', 0)");
                s.execute("INSERT INTO article_audiences (article_id, audience_id, label, rank) VALUES (1, 'security', 'S', 0)");
            }
            Database db = test.open();
            List<String> rows = new ArrayList<>();
            db.read(c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT feed_id, first_seen_at FROM article_audiences");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getLong(1) + "@" + row.getLong(2));
                    }
                }
                return null;
            });
            assertThat(rows).containsExactly("1@" + seen);
            assertThat(ids(new RecapStore(db), filter("security", null))).containsExactly(1L);
        }
    }
}
