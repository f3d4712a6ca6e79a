package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

class CardCacheStoreTest {
    @StoreTest
    void cardsSurviveAReopenAndAreKeyedByHashAndSummarizer(TestDatabase test) {
        Card card = new Card("A model wrote this.", "Version 2 shipped.", null, "Try it: https://x.example/",
                List.of(new AudienceRef("developers", "Developers & AI Engineers")), List.of("Fast", "Small"), "openai:llama3.1:8b");
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        try (Database db = test.open()) {
            new CardCacheStore(db, clock).put("abc", "openai:llama3.1:8b", card);
        }
        try (Database db = test.open()) {
            CardCacheStore cache = new CardCacheStore(db, clock);
            assertThat(cache.find("abc", "openai:llama3.1:8b")).contains(card);
            assertThat(cache.find("abc", "openai:other-model")).isEmpty();
            assertThat(cache.find("zzz", "openai:llama3.1:8b")).isEmpty();
            assertThat(cache.prune(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(1);
            assertThat(cache.find("abc", "openai:llama3.1:8b")).isEmpty();
        }
    }

    @StoreTest
    void aModelCardKeepsItsHookSectionsAndTimelineThroughTheCache(TestDatabase test) {
        Card card = new Card("Widget 2.0 is out.", "Version 2 shipped.", "Sync is faster.", null,
                List.of(new AudienceRef("developers", "Developers & AI Engineers")), List.of("Rust engine [1]"), "openai:llama3.1:8b",
                "Half the wait: sync rewritten in Rust.", "Acme rebuilt the core [1].", "The engine is Rust [1].",
                "Too little detail in the sources.",
                List.of(new TimelineEntry(LocalDate.of(2024, 5, 12), "Widget 1.0 shipped", null),
                        new TimelineEntry(LocalDate.of(2026, 3, 3), "Widget 2.0 released", "https://example.org/widget-2")));
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        try (Database db = test.open()) {
            new CardCacheStore(db, clock).put("h", "openai:llama3.1:8b", card);
        }
        try (Database db = test.open()) {
            assertThat(new CardCacheStore(db, clock).find("h", "openai:llama3.1:8b")).contains(card);
            String stored = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT card_json FROM card_cache")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(stored).as("dates stay readable ISO days").contains("\"date\":\"2024-05-12\"");
        }
    }
}
