package io.github.tldrbot.store;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;
import io.github.tldrbot.feed.Article;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code cards} table keeps every field a summarizer wrote, so a posted card is the card that was written. */
class CardStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @StoreTest
    void aModelCardsHookSectionsAndTimelineSurviveAReopen(TestDatabase test) {
        Card card = new Card("Widget 2.0 is out.", "Version 2 shipped.", null, "Read the notes: https://example.org/notes",
                List.of(new AudienceRef("developers", "Developers & AI Engineers")), List.of("Rust engine [1]"), "openai:m",
                "Half the wait: sync rewritten in Rust.", "Acme rebuilt the core [1].", "Too little detail in the sources.", null,
                List.of(new TimelineEntry(LocalDate.of(2024, 5, 12), "Widget 1.0 shipped", null),
                        new TimelineEntry(LocalDate.of(2026, 3, 3), "Widget 2.0 released", "https://example.org/widget-2")));
        long id;
        try (Database db = test.open()) {
            long feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
            id = new ArticleStore(db).insertIfNew(feed, List.of(article()), T0).get(0).id();
            new CardStore(db).save(id, card, T0);
        }
        try (Database db = test.open()) {
            assertThat(new CardStore(db).find(id)).contains(card);
        }
    }

    @StoreTest
    void anExtractiveCardHasNoModelSectionsAndAnEmptyTimeline(TestDatabase test) {
        Card card = new Card("Java 25 is out.", null, null, null, List.of(), List.of(), "extractive");
        try (Database db = test.open()) {
            long feed = new FeedStore(db).add("https://a.example/feed", T0, Duration.ofMinutes(15));
            long id = new ArticleStore(db).insertIfNew(feed, List.of(article()), T0).get(0).id();
            CardStore cards = new CardStore(db);
            cards.save(id, card.withHook("A line worth reading."), T0);
            cards.save(id, card, T0.plusSeconds(1));

            Card read = cards.find(id).orElseThrow();
            assertThat(read).isEqualTo(card);
            assertThat(read.hook()).as("a replaced card leaves nothing behind").isNull();
            assertThat(read.timeline()).isEmpty();
        }
    }

    private static Article article() {
        return new Article("x", "guid-x", "Title x", "https://example.org/x", T0, null, null, List.of(), "Summary", "Body", null);
    }
}
