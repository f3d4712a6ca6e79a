package io.github.tldrbot.quality;

import static io.github.tldrbot.quality.CardChecksTest.article;
import static io.github.tldrbot.quality.CardChecksTest.card;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.SentenceSplitter;
import io.github.tldrbot.feed.Article;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CardQualityReportTest {

    private final CardQualityReport report = new CardQualityReport(new CardChecks(new SentenceSplitter()), "extractive");

    private void add(String feed, Article article, Card card, long nanos, String... breaches) {
        report.add(new CardSample(feed, article, card, List.of(breaches), nanos));
    }

    private Map<String, CardQualityReport.Row> rows() {
        return report.rows().stream().collect(Collectors.toMap(r -> r.label().strip(), Function.identity()));
    }

    private CardQualityReport.Row row(String labelStart) {
        return rows().entrySet().stream().filter(e -> e.getKey().startsWith(labelStart)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + labelStart + " in " + rows().keySet()));
    }

    /** Three podcast cards (only a TL;DR, generic pointer) and one full news card from another feed. */
    private void fourCards() {
        for (int i = 0; i < 3; i++) {
            add("pod.xml", article("Episode " + i, "We talk about games and the show of the week, cut at two hundred and fif"),
                    card("We talk about games and the show of the week, cut at two hundred and fif", null, null,
                            "Read the full story: https://pod.example/" + i, List.of()), (i + 1) * 1_000_000L);
        }
        Article news = article("Acme ships Widget 2.0", "Acme shipped Widget 2.0 today. It is twice as fast. "
                + "Developers can upgrade now. The old API goes away in May.");
        Card full = new Card("Acme shipped Widget 2.0 today.", "It is twice as fast.", "The old API goes away in May.",
                "Upgrade now: https://acme.example/upgrade", List.of(), List.of("Twice as fast."), "extractive")
                .withHook("Widget 2.0 is out");
        add("news.xml", news, full, 10_000_000L, "total 6001 > 6000");
    }

    @Test
    void countsEachMetricOutOfItsOwnTotal() {
        fourCards();
        assertThat(row("cards with only a TL;DR")).extracting("count", "total").containsExactly(3L, 4L);
        assertThat(row("what to do next: generic")).extracting("count", "total").containsExactly(3L, 4L);
        assertThat(row("what to do next: from the text,")).extracting("count", "total").containsExactly(1L, 4L);
        assertThat(row("what changed present").count()).isEqualTo(1);
        assertThat(row("why it matters present").count()).isEqualTo(1);
        assertThat(row("hook present").count()).isEqualTo(1);
        // 3 podcast TL;DRs + 1 podcast pointer each (cut at "fif") → 3 cuts; sections: 3×2 + 5
        assertThat(row("sections ending mid-text")).extracting("count", "total").containsExactly(3L, 11L);
        assertThat(row("cards with no audience")).extracting("count", "total").containsExactly(1L, 4L);
        assertThat(row("cards breaking a Discord limit").count()).isEqualTo(1);
        assertThat(row("body of >= 3 sentences")).extracting("count", "total").containsExactly(1L, 1L);
        assertThat(row("cards with HTML residue").count()).isZero();
    }

    @Test
    void theLargestFeedIsAlsoLeftOutOnce() {
        fourCards();
        assertThat(report.largestFeed()).contains("pod.xml");
        assertThat(row("same, without the largest feed (pod.xml)")).extracting("count", "total").containsExactly(0L, 1L);
    }

    @Test
    void tldrEqualToTheTitleIsCountedAmongArticlesWithText() {
        add("a.xml", article("Only a title", null), card("Only a title", null, null, null, List.of()), 1);
        add("a.xml", article("Same as the text", "Same as the text."), card("Same as the text.", null, null, null, List.of()), 1);
        add("a.xml", article("A title", "A different lead sentence."), card("A different lead sentence.", null, null, null, List.of()), 1);
        assertThat(row("TL;DR identical to the title (of articles with text after cleaning)")).extracting("count", "total").containsExactly(1L, 2L);
        assertThat(row("same, of all cards")).extracting("count", "total").containsExactly(2L, 3L);
    }

    private static Card withoutAudience(String tldr) {
        return new Card(tldr, null, null, null, List.of(), List.of(), "extractive");
    }

    @Test
    void languagesAreSplitIntoNonEnglishAndUnknown() {
        add("a.xml", article("t", "x").withLang("de"), withoutAudience("Text."), 1);
        add("a.xml", article("t", "x").withLang("fr"), card("Text.", null, null, null, List.of()), 1);
        add("a.xml", article("t", "x").withLang("en"), withoutAudience("Text."), 1);
        add("a.xml", article("t", "x"), withoutAudience("Text."), 1);
        assertThat(row("non-English cards (language")).extracting("count", "total").containsExactly(2L, 4L);
        assertThat(row("non-English cards with no audience")).extracting("count", "total").containsExactly(1L, 2L);
        assertThat(row("cards of unknown language")).extracting("count", "total").containsExactly(1L, 4L);
        assertThat(row("unknown-language cards with no audience")).extracting("count", "total").containsExactly(1L, 1L);
    }

    @Test
    void boilerplateIsBrokenDownByKind() {
        add("r.xml", article("t", "x"), card("submitted by /u/x to /r/news [link] [3 comments]", null, null, null,
                List.of("https://r.example/1", "A fact.")), 1);
        assertThat(row("boilerplate kept")).extracting("count", "total").containsExactly(2L, 3L);
        assertThat(row("reddit \"submitted by\"").count()).isEqualTo(1);
        assertThat(row("bare URL as a takeaway").count()).isEqualTo(1);
        assertThat(report.rows().stream().filter(r -> r.label().contains("appeared first on"))).isEmpty();
    }

    @Test
    void timingIsReadAsPercentilesOfThePerArticleTimes() {
        fourCards();
        CardQualityReport.Timing t = report.timing();
        assertThat(t.p50()).isEqualTo(2_000_000L);
        assertThat(t.p95()).isEqualTo(10_000_000L);
        assertThat(t.max()).isEqualTo(10_000_000L);
        assertThat(t.articles()).isEqualTo(4);
    }

    @Test
    void renderPrintsTheTableTheFeedsAndTheFailures() {
        fourCards();
        report.failed("/data/readme.html", "not an RSS or Atom feed (looks like an HTML page)");
        String text = report.render();
        assertThat(text).startsWith("Card quality: 4 cards from 2 feeds (extractive summarizer), 1 sources gave no cards");
        assertThat(text).containsPattern("cards with only a TL;DR .*\\|\\s+3 \\|\\s+75\\.0 % \\| 4 cards");
        assertThat(text).contains("summarizer time per article").contains("p50 2.000 ms, p95 10.000 ms, max 10.000 ms (4 articles)");
        assertThat(text).containsPattern("pod\\.xml\\s+3 \\|\\s+100\\.0 %");
        assertThat(text).contains("readme.html").contains("no cards: not an RSS or Atom feed (looks like an HTML page)");
    }

    @Test
    void anEmptyReportShowsDashesNotNaN() {
        String text = report.render();
        assertThat(text).contains("Card quality: 0 cards from 0 feeds").contains("–").doesNotContain("NaN");
    }
}
