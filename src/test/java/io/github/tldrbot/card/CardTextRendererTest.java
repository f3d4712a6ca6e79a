package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardTextRendererTest {

    private final CardTextRenderer renderer = new CardTextRenderer();
    private final FeedInfo feed = new FeedInfo("https://www.example.com/feed.xml", "Example News",
            "https://www.example.com/", "rss_2.0", null);
    private final Article article = new Article("a1", null, "Orca 2 ships", "https://www.example.com/orca-2",
            Instant.parse("2026-11-28T10:00:00.123Z"), null, null, List.of(), null, null, null);

    @Test
    void rendersEveryFieldUnderItsHeadingInEmbedOrder() {
        Card card = new Card("Nimbus shipped Orca 2.", "Orca 2 replaces Orca 1.5.", "Whole repositories fit in context.",
                "Download it from https://example.com/dl", List.of(new AudienceRef("developers", "Developers & AI Engineers"),
                new AudienceRef("researchers", "Researchers & Data Scientists")),
                List.of("Apache 2.0 licence.", "A 7B variant follows."), "extractive");
        String out = renderer.render(feed, article, card);
        assertThat(out).isEqualTo("""
                Orca 2 ships
                https://www.example.com/orca-2
                Source: Example News (example.com) · 2026-11-28T10:00:00Z
                TL;DR: Nimbus shipped Orca 2.
                What changed: Orca 2 replaces Orca 1.5.
                Why it matters: Whole repositories fit in context.
                What to do next: Download it from https://example.com/dl
                Who should care: Developers & AI Engineers, Researchers & Data Scientists
                Key takeaways:
                  • Apache 2.0 licence.
                  • A 7B variant follows.
                Summarized by: extractive
                """);
    }

    @Test
    void omitsEmptyFieldsAndNeverPrintsNull() {
        Card card = new Card("Only a TL;DR.", null, " ", null, List.of(), List.of(), "extractive");
        String out = renderer.render(feed, article, card);
        assertThat(out).contains("TL;DR: Only a TL;DR.").contains("Summarized by: extractive")
                .doesNotContain("What changed").doesNotContain("Why it matters").doesNotContain("What to do next")
                .doesNotContain("Who should care").doesNotContain("Key takeaways").doesNotContain("null");
    }

    @Test
    void copesWithMissingFeedAndArticleFacts() {
        Article bare = new Article("a2", null, null, null, null, null, null, null, null, null, null);
        Card card = new Card(null, null, null, null, List.of(), List.of(), "extractive");
        assertThat(renderer.render(null, bare, card)).isEqualTo("Summarized by: extractive\n");
        assertThat(renderer.render(new FeedInfo("f", null, "https://blog.example.org/", null, null), bare, card))
                .isEqualTo("Source: blog.example.org\nSummarized by: extractive\n");
    }

    @Test
    void rendersARealCard() {
        Article a = SampleArticles.securityAdvisory();
        Card card = new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list())).summarize(a);
        String out = renderer.render(feed, a, card);
        assertThat(out).startsWith(a.title() + "\n" + a.link() + "\n")
                .contains("TL;DR: " + card.tldr() + "\n")
                .contains("What to do next: " + card.whatToDoNext() + "\n")
                .contains("Who should care: Security Teams")
                .contains("Source: Example News (security.example.org)");
        card.keyTakeaways().forEach(t -> assertThat(out).contains("  • " + t + "\n"));
    }
}
