package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCacheStoreTest {
    @TempDir
    Path dir;

    @Test
    void cardsSurviveAReopenAndAreKeyedByHashAndSummarizer() {
        Card card = new Card("A model wrote this.", "Version 2 shipped.", null, "Try it: https://x.example/",
                List.of(new AudienceRef("developers", "Developers & AI Engineers")), List.of("Fast", "Small"), "openai:llama3.1:8b");
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("c.db"))) {
            new CardCacheStore(db, clock).put("abc", "openai:llama3.1:8b", card);
        }
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("c.db"))) {
            CardCacheStore cache = new CardCacheStore(db, clock);
            assertThat(cache.find("abc", "openai:llama3.1:8b")).contains(card);
            assertThat(cache.find("abc", "openai:other-model")).isEmpty();
            assertThat(cache.find("zzz", "openai:llama3.1:8b")).isEmpty();
            assertThat(cache.prune(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(1);
            assertThat(cache.find("abc", "openai:llama3.1:8b")).isEmpty();
        }
    }
}
