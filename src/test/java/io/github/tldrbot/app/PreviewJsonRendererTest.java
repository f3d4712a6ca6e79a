package io.github.tldrbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.FeedInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §12: the §5.1 extensions appear in the card only when present. */
class PreviewJsonRendererTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-28T08:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void hookTimelineModelSectionsLanguageAndLatenessAreShownWhenPresent() throws Exception {
        Card card = new Card("Orca 2 is out.", null, null, null, List.of(), List.of(), "openai:m", "Orca 2 reads whole repos.",
                "Insight [1].", null, null, List.of(new TimelineEntry(LocalDate.of(2026, 3, 1), "Orca 1", "https://e.org/1")));
        JsonNode root = render(PUBLISHED.plusSeconds(3 * 3600 + 60), article("de"), card);
        JsonNode a = root.get("articles").get(0);
        assertThat(a.get("lang").asText()).isEqualTo("de");
        JsonNode c = a.get("card");
        assertThat(c.get("hook").asText()).isEqualTo("Orca 2 reads whole repos.");
        assertThat(c.get("deepInsight").asText()).isEqualTo("Insight [1].");
        assertThat(c.has("technicalDeepDive")).isFalse();
        assertThat(c.get("timeline").get(0).get("date").asText()).isEqualTo("2026-03-01");
        assertThat(c.get("timeline").get(0).get("link").asText()).isEqualTo("https://e.org/1");
        assertThat(c.get("collectedAfter").asText()).isEqualTo("PT3H1M");
    }

    @Test
    void absentExtensionsAreLeftOutAndALocalFileHasNoLateness() throws Exception {
        Card card = new Card("Orca 2 is out.", null, null, null, List.of(), List.of(), "extractive");
        JsonNode c = render(null, article(null), card).get("articles").get(0).get("card");
        assertThat(c.has("hook")).isFalse();
        assertThat(c.has("timeline")).isFalse();
        assertThat(c.has("collectedAfter")).isFalse();
        JsonNode onTime = render(PUBLISHED.plusSeconds(600), article(null), card).get("articles").get(0).get("card");
        assertThat(onTime.has("collectedAfter")).as("an hour or less is not worth a word").isFalse();
    }

    private JsonNode render(Instant seenAt, Article article, Card card) throws Exception {
        FeedInfo feed = new FeedInfo("https://e.org/feed", "Example", "https://e.org/", "rss_2.0", null);
        return json.readTree(new PreviewJsonRenderer(seenAt).render(feed, List.of(new PreviewJsonRenderer.Item(article, card))));
    }

    private static Article article(String lang) {
        return new Article("id", null, "Orca 2", "https://e.org/orca-2", PUBLISHED, null, null, List.of(), "s", "s", null,
                lang, List.of());
    }
}
