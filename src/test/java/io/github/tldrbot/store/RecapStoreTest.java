package io.github.tldrbot.store;

import static io.github.tldrbot.recap.RecapFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.recap.RecapFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** RecapStore's access paths give the same answers, and the full-text index follows the articles. */
class RecapStoreTest {
    static final long GUILD = 1;

    RecapFixture fx;

    @BeforeEach
    void open(Database db) {
        fx = new RecapFixture(db);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<Long> ids(RecapStore store, RecapFilter filter) {
        return store.candidates(filter).candidates().stream().map(RecapCandidate::articleId).sorted().toList();
    }

    private static RecapFilter filter(String audience, String topic, Long feed) {
        return new RecapFilter(GUILD, NOW.minus(Duration.ofDays(7)), NOW, audience,
                topic == null ? null : TopicQuery.parse(topic).orElseThrow(), feed);
    }

    @StoreTest
    void everyPathReturnsTheSameArticles() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        long other = fx.feed("Other", 2);
        String[] words = {"kernel", "release", "funding", "privacy"};
        for (int i = 0; i < 60; i++) {
            long feed = i % 3 == 0 ? a : i % 3 == 1 ? b : other;
            // first-seen times deliberately out of insertion order, some outside the period
            Duration ago = Duration.ofHours((i * 37L) % 200);
            fx.article(feed, "Story " + i + " " + words[i % 4], "https://x.example/" + i, "About " + words[(i + 1) % 4],
                    ago, "t", i % 2 == 0 ? "developers" : "security");
        }
        RecapStore byFeed = new RecapStore(fx.db, Integer.MAX_VALUE, 64);
        RecapStore byTime = new RecapStore(fx.db, 0, 0);
        for (RecapFilter f : List.of(filter(null, null, null), filter("security", null, null), filter(null, "kernel", null),
                filter("developers", "funding", null), filter(null, null, b), filter(null, "release", a))) {
            List<Long> expected = ids(byFeed, f);
            assertThat(ids(byTime, f)).as(f.toString()).isEqualTo(expected);
            assertThat(ids(fx.recapStore, f)).as(f.toString()).isEqualTo(expected);
        }
        assertThat(byFeed.path(filter(null, null, null))).isEqualTo(RecapStore.Path.BY_FEED);
        assertThat(byTime.path(filter(null, null, null))).isEqualTo(RecapStore.Path.BY_TIME);
        assertThat(byTime.path(filter(null, "kernel", null))).isEqualTo(RecapStore.Path.BY_TEXT);
        assertThat(ids(byFeed, filter(null, "kernel", null))).isNotEmpty();
        assertThat(ids(byFeed, filter(null, null, null))).hasSize(byFeed.candidates(filter(null, null, null)).matched());
    }

    @StoreTest
    void theTextIndexFollowsDeletesAndEditsAndNeverMatchesFeedTokens() {
        long a = fx.feed("Alpha", GUILD);
        long old = fx.article(a, "Ransomware wave", "https://x.example/1", "s", Duration.ofDays(2), "t");
        long fresh = fx.article(a, "Quiet day", "https://x.example/2", "ransomware mentioned", Duration.ofHours(1), "t");
        assertThat(ids(fx.recapStore, filter(null, "ransomware", null))).containsExactly(old, fresh);
        assertThat(ids(fx.recapStore, filter(null, "feed" + a, null))).isEmpty();

        fx.articles.prune(NOW.minus(Duration.ofDays(1)));
        assertThat(ids(fx.recapStore, filter(null, "ransomware", null))).containsExactly(fresh);
        fx.db.write(c -> {
            try (var update = c.prepareStatement("UPDATE articles SET summary = 'nothing to see' WHERE id = ?")) {
                update.setLong(1, fresh);
                return update.executeUpdate();
            }
        });
        assertThat(ids(fx.recapStore, filter(null, "ransomware", null))).isEmpty();
        assertThat(ids(fx.recapStore, filter(null, "nothing", null))).containsExactly(fresh);
    }

    @StoreTest
    void aGuildWithoutFeedsOrAnEmptyPeriodFindsNothing() {
        fx.feed("Alpha", GUILD);
        RecapFilter noFeeds = new RecapFilter(99, NOW.minus(Duration.ofDays(7)), NOW, null, TopicQuery.parse("x").orElseThrow(), null);
        assertThat(fx.recapStore.candidates(noFeeds).candidates()).isEmpty();
        RecapFilter empty = new RecapFilter(GUILD, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), null, TopicQuery.parse("x").orElseThrow(), null);
        assertThat(fx.recapStore.candidates(empty).matched()).isZero();
    }

    @StoreTest
    void topicsAreStemmedAsEnglishAndSearchSyntaxIsJustText() {
        long a = fx.feed("Alpha", GUILD);
        long cve = fx.article(a, "Vulnerability found in kernel", "https://x.example/1", "A patch is out", Duration.ofHours(2), "t");
        long rust = fx.article(a, "Rust & C: the !important | part", "https://x.example/2", "x:* (y) <-> 'z'", Duration.ofHours(1), "t");
        assertThat(ids(fx.recapStore, filter(null, "vulnerabilities", null))).containsExactly(cve);
        assertThat(ids(fx.recapStore, filter(null, "patched kernels", null))).containsExactly(cve);
        for (String hostile : List.of("rust & !c", "important | part", "x:*", "'z' <-> y", "part) & (rust", "\"rust\" part:*")) {
            assertThat(ids(fx.recapStore, filter(null, hostile, null))).as(hostile).containsExactly(rust);
        }
    }

    @StoreTest
    void aTopicFindsAnArticleWhoseFirstSightingMovedIntoThePeriodOnEveryFloor() {
        long a = fx.feed("Alpha", GUILD);
        long moved = fx.article(a, "Kernel moved", "https://x.example/m", "s", Duration.ofDays(40), "t");
        long recent = fx.article(a, "Kernel recent", "https://x.example/r", "s", Duration.ofHours(2), "t");
        fx.db.write(c -> {
            try (var update = c.prepareStatement("UPDATE articles SET first_seen_at = ? WHERE id = ?")) {
                update.setLong(1, NOW.minus(Duration.ofHours(1)).toEpochMilli());
                update.setLong(2, moved);
                return update.executeUpdate();
            }
        });
        // feed tokens (floor from the guild's feeds) and none (floor from the first day of the period)
        for (RecapStore store : List.of(fx.recapStore, new RecapStore(fx.db, 0, 0))) {
            assertThat(ids(store, filter(null, "kernel", null))).containsExactly(moved, recent);
        }
    }
}
