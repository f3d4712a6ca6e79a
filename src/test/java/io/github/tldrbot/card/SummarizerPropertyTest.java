package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Card rules (SPEC §5.1) over hundreds of articles cut from hand-written texts at arbitrary code-point
 * offsets: caps, no HTML or entities, no lone surrogates, every "…" at a word boundary of the source,
 * no repeated field, and the same card for the same input. (The corpus-wide card test comes with the
 * feed parser.)
 */
class SummarizerPropertyTest {

    private static final String[] TEXTS = {"tech-news.txt", "mixed-script.txt", "policy-brief.txt", "no-punctuation.txt"};

    private final ExtractiveSummarizer summarizer =
            new ExtractiveSummarizer(new AudienceClassifier(DefaultAudiences.list()));

    @Test
    void everyCardKeepsTheRulesOnArticlesCutAtArbitraryOffsets() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : TEXTS) {
            texts.add(read(name));
        }
        texts.add(String.join("\n\n", texts));
        int checked = 0;
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            String titleSource = texts.get((t + 1) % texts.size());
            int codePoints = text.codePointCount(0, text.length());
            for (int start = 0; start < codePoints; start += 53) {
                for (int length : new int[] {40, 150, 400, 1200, Integer.MAX_VALUE}) {
                    String body = slice(text, start, length);
                    String title = slice(titleSource, start % 200, 30 + start % 90);
                    boolean asSummary = (start / 53) % 3 == 0;
                    Article a = SampleArticles.article(title, "https://example.com/" + start, List.of("Tech"),
                            asSummary ? body : null, asSummary ? null : body);
                    Card card = summarizer.summarize(a);
                    CardInvariants.check(card, title + " " + body);
                    assertThat(card.tldr()).as("tldr for body %s", body).isNotNull();
                    assertThat(summarizer.summarize(a)).isEqualTo(card);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void wholeTextsGiveFullCards() throws IOException {
        for (String name : new String[] {"tech-news.txt", "policy-brief.txt"}) {
            String text = read(name);
            Article a = SampleArticles.article(text.substring(0, text.indexOf(". ")), "https://example.com/" + name,
                    List.of(), null, text);
            Card card = summarizer.summarize(a);
            CardInvariants.check(card, a.title() + " " + text);
            assertThat(card.whatChanged()).as(name).isNotNull();
            assertThat(card.whyItMatters()).as(name).isNotNull();
            assertThat(card.whatToDoNext()).as(name).contains("https://");
            assertThat(card.keyTakeaways()).as(name).hasSize(3);
            assertThat(card.whoShouldCare()).as(name).isNotEmpty();
        }
    }

    private static String slice(String text, int startCodePoint, int lengthCodePoints) {
        int from = text.offsetByCodePoints(0, startCodePoint);
        int available = text.codePointCount(from, text.length());
        int to = text.offsetByCodePoints(from, Math.min(available, lengthCodePoints));
        return text.substring(from, to);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = SummarizerPropertyTest.class.getResourceAsStream("texts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
