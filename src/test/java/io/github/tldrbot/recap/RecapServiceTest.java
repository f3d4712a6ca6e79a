package io.github.tldrbot.recap;

import static io.github.tldrbot.recap.RecapFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecapService against a real SQLite file: filters, de-duplication, ranking and limit (SPEC §8.1). */
class RecapServiceTest {
    static final long GUILD = 1;
    static final long OTHER_GUILD = 2;

    @TempDir
    Path dir;
    RecapFixture fx;
    RecapService service;

    @BeforeEach
    void open() {
        fx = new RecapFixture(dir);
        service = fx.service();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> titles(RecapRequest request) {
        return service.recap(request).items().stream().map(RecapItem::title).toList();
    }

    private RecapRequest with(RecapPeriod period, String audience, String topic, Long feed, int limit) {
        return new RecapRequest(GUILD, period, audience, topic, feed, limit, NOW);
    }

    @Test
    void onlyArticlesFirstSeenInThePeriodAndInTheGuildsFeeds() {
        long mine = fx.feed("Mine", GUILD);
        long theirs = fx.feed("Theirs", OTHER_GUILD);
        long nobodys = fx.feed("Nobody's");
        fx.article(mine, "Two hours old", "https://a.example/1", "s", Duration.ofHours(2), "t");
        fx.article(mine, "Three days old", "https://a.example/2", "s", Duration.ofDays(3), "t");
        fx.article(mine, "Twenty days old", "https://a.example/3", "s", Duration.ofDays(20), "t");
        fx.article(mine, "Forty days old", "https://a.example/4", "s", Duration.ofDays(40), "t");
        fx.article(mine, "From the future", "https://a.example/5", "s", Duration.ofHours(-1), "t");
        fx.article(theirs, "Other guild's story", "https://b.example/1", "s", Duration.ofHours(1), "t");
        fx.article(nobodys, "Unsubscribed story", "https://c.example/1", "s", Duration.ofHours(1), "t");

        assertThat(titles(fx.request(GUILD, RecapPeriod.DAY))).containsExactly("Two hours old");
        assertThat(titles(fx.request(GUILD, RecapPeriod.WEEK))).containsExactly("Two hours old", "Three days old");
        assertThat(titles(fx.request(GUILD, RecapPeriod.MONTH)))
                .containsExactly("Two hours old", "Three days old", "Twenty days old");
        Recap week = service.recap(fx.request(GUILD, RecapPeriod.WEEK));
        assertThat(week.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(week.to()).isEqualTo(NOW);
        assertThat(week.matched()).isEqualTo(2);
        assertThat(titles(fx.request(OTHER_GUILD, RecapPeriod.WEEK))).containsExactly("Other guild's story");
    }

    @Test
    void audienceFilterKeepsCardsThatNameIt() {
        long feed = fx.feed("News", GUILD);
        fx.article(feed, "Security first", "https://a.example/1", "s", Duration.ofHours(1), "t", "security", "developers");
        fx.article(feed, "Developers only", "https://a.example/2", "s", Duration.ofHours(2), "t", "developers");
        fx.article(feed, "Security second", "https://a.example/3", "s", Duration.ofHours(3), "t", "founders", "security");

        assertThat(titles(with(RecapPeriod.WEEK, "security", null, null, 10)))
                .containsExactlyInAnyOrder("Security first", "Security second");
        assertThat(titles(with(RecapPeriod.WEEK, "founders", null, null, 10))).containsExactly("Security second");
        assertThatThrownBy(() -> service.recap(with(RecapPeriod.WEEK, "astronauts", null, null, 10)))
                .isInstanceOf(RecapRequestException.class).hasMessageContaining("Unknown audience 'astronauts'")
                .hasMessageContaining("developers, security, founders");
    }

    @Test
    void topicSearchesTitleAndSummaryWithoutSearchSyntax() {
        long feed = fx.feed("News", GUILD);
        fx.article(feed, "Patch Tuesday", "https://a.example/1", "A critical vulnerability in the kernel was fixed.",
                Duration.ofHours(1), "t");
        fx.article(feed, "Vulnerabilities galore", "https://a.example/2", "Many bugs.", Duration.ofHours(2), "t");
        fx.article(feed, "Rust 2.0 released", "https://a.example/3", "The compiler is faster.", Duration.ofHours(3), "t");
        fx.article(feed, "Old vulnerability", "https://a.example/4", "Ancient.", Duration.ofDays(9), "t");

        assertThat(titles(with(RecapPeriod.WEEK, null, "vulnerability", null, 10)))
                .containsExactlyInAnyOrder("Patch Tuesday", "Vulnerabilities galore");
        assertThat(titles(with(RecapPeriod.WEEK, null, "\"VULNERABILITY\" kernel!", null, 10))).containsExactly("Patch Tuesday");
        assertThat(titles(with(RecapPeriod.WEEK, null, "rust AND NOT (*) title:", null, 10))).isEmpty();
        assertThat(titles(with(RecapPeriod.WEEK, null, "compiler\" OR \"x", null, 10))).isEmpty();
        assertThat(titles(with(RecapPeriod.WEEK, null, "rust^ compiler*", null, 10))).containsExactly("Rust 2.0 released");
        assertThatThrownBy(() -> service.recap(with(RecapPeriod.WEEK, null, "\"\" *** ()", null, 10)))
                .isInstanceOf(RecapRequestException.class).hasMessageContaining("no word");
    }

    @Test
    void feedFilterKeepsOneOfTheGuildsFeeds() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        long foreign = fx.feed("Foreign", OTHER_GUILD);
        fx.article(a, "From alpha", "https://a.example/1", "s", Duration.ofHours(1), "t");
        fx.article(b, "From beta", "https://b.example/1", "s", Duration.ofHours(1), "t");

        assertThat(titles(with(RecapPeriod.WEEK, null, null, b, 10))).containsExactly("From beta");
        assertThat(service.feedName(GUILD, a)).contains("Alpha");
        assertThatThrownBy(() -> service.recap(with(RecapPeriod.WEEK, null, null, foreign, 10)))
                .isInstanceOf(RecapRequestException.class).hasMessageContaining("Unknown feed");
    }

    @Test
    void theSameStoryFromSeveralFeedsCountsOnce() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        long c = fx.feed("Gamma", GUILD);
        fx.article(a, "Kernel 7.0 is out", "https://www.kernel.example/news/7.0/?utm_source=rss&utm_medium=feed",
                "s", Duration.ofHours(5), "Linux 7.0 ships.");
        fx.article(b, "Linux kernel 7.0 released", "http://kernel.example/news/7.0#top", "s", Duration.ofHours(3), null);
        fx.article(c, "Big Funding Round for Acme!", "https://acme.example/a", "s", Duration.ofHours(2), "Acme raises.");
        fx.article(a, "big funding round for acme", "https://other.example/b", "s", Duration.ofHours(1), null);
        fx.article(b, "Acme closes big funding round today", "https://third.example/c", "s", Duration.ofHours(1), null);
        fx.article(c, "Unrelated story", "https://kernel.example/news/7.1", "s", Duration.ofHours(1), "Other.");

        Recap recap = service.recap(fx.request(GUILD, RecapPeriod.WEEK));
        assertThat(recap.matched()).isEqualTo(6);
        assertThat(recap.items()).extracting(RecapItem::title)
                .containsExactlyInAnyOrder("Kernel 7.0 is out", "Big Funding Round for Acme!", "Acme closes big funding round today",
                        "Unrelated story");
        RecapItem kernel = recap.items().stream().filter(i -> i.title().equals("Kernel 7.0 is out")).findFirst().orElseThrow();
        assertThat(kernel.sources()).containsExactly("Alpha", "Beta");
        assertThat(kernel.tldr()).isEqualTo("Linux 7.0 ships.");
        assertThat(kernel.firstSeen()).isEqualTo(NOW.minus(Duration.ofHours(5)));
        RecapItem funding = recap.items().stream().filter(i -> i.title().startsWith("Big")).findFirst().orElseThrow();
        assertThat(funding.sources()).containsExactly("Gamma", "Alpha");
    }

    @Test
    void articlesIngestPutInOneStoryCountOnceWhateverTheirTitles() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        long first = fx.article(a, "Acme recalls Widget heaters", "https://a.example/1", "s", Duration.ofHours(3), "t");
        long second = fx.article(b, "Fire risk: two million space heaters pulled", "https://b.example/9", "s",
                Duration.ofHours(2), "t");
        fx.article(b, "Acme opens a new headquarters", "https://b.example/10", "s", Duration.ofHours(1), "t");
        fx.articles.setStories(java.util.Map.of(first, first, second, first));

        Recap recap = service.recap(fx.request(GUILD, RecapPeriod.WEEK));
        assertThat(recap.items()).hasSize(2);
        RecapItem recall = recap.items().stream().filter(i -> i.title().equals("Acme recalls Widget heaters"))
                .findFirst().orElseThrow();
        assertThat(recall.sources()).containsExactly("Alpha", "Beta");
    }

    @Test
    void nearIdenticalTitlesMergeButDifferentOnesDoNot() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        fx.article(a, "OpenAI releases new GPT model for developers today", "https://a.example/1", "s", Duration.ofHours(2), "t");
        fx.article(b, "OpenAI releases new GPT model for developers", "https://b.example/1", "s", Duration.ofHours(1), "t");
        fx.article(b, "OpenAI releases new image model", "https://b.example/2", "s", Duration.ofHours(1), "t");

        Recap recap = service.recap(fx.request(GUILD, RecapPeriod.WEEK));
        assertThat(recap.items()).hasSize(2);
        assertThat(recap.items().get(0).sources()).containsExactly("Alpha", "Beta");
    }

    @Test
    void rankingFollowsTheDocumentedScore() {
        long a = fx.feed("Alpha", GUILD);
        long b = fx.feed("Beta", GUILD);
        // fresh, one source, no TL;DR: recency 1 - 1/168
        fx.article(a, "Fresh single", "https://a.example/fresh", "s", Duration.ofHours(1), null, "developers");
        // four days old, two sources, TL;DR: recency 1 - 96/168 + 0.75 * log2(2) + 0.1
        fx.article(a, "Older double", "https://a.example/double", "s", Duration.ofHours(96), "tl", "founders");
        fx.article(b, "Older double", "https://b.example/double", "s", Duration.ofHours(90), null, "founders");
        // six days old, one source, TL;DR
        fx.article(b, "Old single", "https://b.example/old", "s", Duration.ofHours(144), "tl", "developers", "security");

        Recap recap = service.recap(fx.request(GUILD, RecapPeriod.WEEK));
        assertThat(recap.items()).extracting(RecapItem::title).containsExactly("Older double", "Fresh single", "Old single");
        assertThat(recap.items().get(0).score()).isCloseTo(1 - 96.0 / 168 + 0.75 + 0.1, within(1e-9));
        assertThat(recap.items().get(1).score()).isCloseTo(1 - 1.0 / 168, within(1e-9));
        assertThat(recap.items().get(2).score()).isCloseTo(1 - 144.0 / 168 + 0.1, within(1e-9));

        // With audience:security only the old story is kept; with audience:developers the audience bonus
        // is 0.5 for a first place and 0.25 for a second.
        Recap devs = service.recap(with(RecapPeriod.WEEK, "developers", null, null, 10));
        assertThat(devs.items()).extracting(RecapItem::title).containsExactly("Fresh single", "Old single");
        assertThat(devs.items().get(0).score()).isCloseTo(1 - 1.0 / 168 + 0.5, within(1e-9));
        assertThat(devs.items().get(1).score()).isCloseTo(1 - 144.0 / 168 + 0.1 + 0.5, within(1e-9));
        Recap sec = service.recap(with(RecapPeriod.WEEK, "security", null, null, 10));
        assertThat(sec.items().get(0).score()).isCloseTo(1 - 144.0 / 168 + 0.1 + 0.25, within(1e-9));
    }

    @Test
    void equalScoresAreOrderedByTitleDeterministically() {
        long a = fx.feed("Alpha", GUILD);
        fx.article(a, "Banana", "https://a.example/b", "s", Duration.ofHours(2), "t");
        fx.article(a, "apple", "https://a.example/a", "s", Duration.ofHours(2), "t");
        fx.article(a, "Cherry", "https://a.example/c", "s", Duration.ofHours(2), "t");
        assertThat(titles(fx.request(GUILD, RecapPeriod.WEEK))).containsExactly("apple", "Banana", "Cherry");
    }

    @Test
    void limitKeepsTheBestStories() {
        long a = fx.feed("Alpha", GUILD);
        for (int i = 1; i <= 30; i++) {
            fx.article(a, "Story number " + i + " about topic " + (char) ('a' + i % 26) + i, "https://a.example/" + i, "s",
                    Duration.ofHours(i), "t");
        }
        Recap recap = service.recap(with(RecapPeriod.WEEK, null, null, null, 5));
        assertThat(recap.matched()).isEqualTo(30);
        assertThat(recap.items()).extracting(RecapItem::title).containsExactly(
                "Story number 1 about topic b1", "Story number 2 about topic c2", "Story number 3 about topic d3",
                "Story number 4 about topic e4", "Story number 5 about topic f5");
    }

    @Test
    void requestValidation() {
        assertThat(RecapPeriod.parse("Week")).isEqualTo(RecapPeriod.WEEK);
        assertThat(RecapPeriod.MONTH.length()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> RecapPeriod.parse("year")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecapRequest(GUILD, RecapPeriod.DAY, null, null, null, 26, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RecapRequest(GUILD, RecapPeriod.DAY, " ", " ", null, 1, NOW).topic()).isNull();
    }
}
