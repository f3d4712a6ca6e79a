package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.poll.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class PageTextStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    @StoreTest
    void foundAndMissingOutcomesSurviveAReopenKeyedByUrl(TestDatabase test) {
        String longUrl = "https://news.example/story?" + "utm_source=feed&".repeat(400) + "id=1";
        PageText.Found found = new PageText.Found("First paragraph.\n\nSecond one.",
                List.of(new ArticleLink("release notes", "https://x.example/notes"), new ArticleLink("", "https://x.example/")));
        PageText.Missing missing = new PageText.Missing("UNSUPPORTED_TYPE: https://pod.example/1.mp3 is 'audio/mpeg', not an HTML page");
        MutableClock clock = new MutableClock(T0);
        try (Database db = test.open()) {
            PageTextStore store = new PageTextStore(db, clock);
            store.put(longUrl, found);
            store.put("https://pod.example/1.mp3", missing);
        }
        try (Database db = test.open()) {
            PageTextStore store = new PageTextStore(db, clock);
            assertThat(store.find(longUrl)).contains(found);
            assertThat(store.find("https://pod.example/1.mp3")).contains(missing);
            assertThat(store.find("https://news.example/other")).isEmpty();

            store.put("https://pod.example/1.mp3", new PageText.Found("Now a page.", List.of()));
            assertThat(store.find("https://pod.example/1.mp3")).contains(new PageText.Found("Now a page.", List.of()));
        }
    }

    @StoreTest
    void pruneDeletesEntriesStoredBeforeTheCutoff(TestDatabase test) {
        MutableClock clock = new MutableClock(T0);
        try (Database db = test.open()) {
            PageTextStore store = new PageTextStore(db, clock);
            store.put("https://a.example/old", new PageText.Missing("TIMEOUT: slow"));
            clock.advance(Duration.ofDays(10));
            store.put("https://a.example/new", new PageText.Found("Fresh text.", List.of()));

            assertThat(store.prune(T0.plus(Duration.ofDays(5)))).isEqualTo(1);
            assertThat(store.find("https://a.example/old")).isEmpty();
            assertThat(store.find("https://a.example/new")).isPresent();
        }
    }
}
