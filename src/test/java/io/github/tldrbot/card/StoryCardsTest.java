package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryCardsTest {

    private static Card card(String tldr, String whatChanged, String... takeaways) {
        return new Card(tldr, whatChanged, null, null, List.of(), List.of(takeaways), "extractive");
    }

    private static StorySource source(int n, String title, String published) {
        return new StorySource(n, title, "https://news" + n + ".example/a", "News " + n, Instant.parse(published));
    }

    @Test
    void theFullestCardGivesTheSectionsAndTakeawaysComeFromSeveralSourcesWithTheirNumbers() {
        Card thin = card("Acme recalls 412,000 cars.", null, "The recall covers 2021 to 2024 models.");
        Card full = card("Acme Motors is recalling 412,000 Roadster sedans over a brake hose.",
                "Regulators said the hose can leak fluid.",
                "Dealers will replace the hose for free.", "Owners get letters next month.");
        Card third = card("Acme recall widens.", null, "Dealers will replace the hose for free, Acme said.",
                "Acme shares fell 3 % on Tuesday.");
        List<StorySource> sources = List.of(source(1, "A", "2026-03-02T08:00:00Z"), source(2, "B", "2026-03-02T09:00:00Z"),
                source(3, "C", "2026-03-02T10:00:00Z"));

        Card merged = StoryCards.merge(List.of(thin, full, third), sources);

        assertThat(merged.tldr()).isEqualTo(full.tldr());
        assertThat(merged.whatChanged()).isEqualTo(full.whatChanged());
        // one from each source in turn (fullest first, then by richness); source 3 repeats the hose fact
        assertThat(merged.keyTakeaways()).containsExactly("Dealers will replace the hose for free. [2]",
                "The recall covers 2021 to 2024 models. [1]", "Owners get letters next month. [2]");
        assertThat(merged.timeline()).as("all on one day: no earlier events").isEmpty();
    }

    @Test
    void sourcesOfEarlierDaysMakeTheTimelineOldestFirstOnePerDayAtMostFive() {
        Card c = card("Talks go on.", null);
        List<StorySource> sources = List.of(
                source(1, "Talks open in Geneva", "2026-03-01T08:00:00Z"),
                source(2, "Second report of the opening", "2026-03-01T12:00:00Z"),
                source(3, "Talks stall over tariffs", "2026-03-02T09:00:00Z"),
                source(4, "A deal is signed", "2026-03-03T10:00:00Z"));
        Card merged = StoryCards.merge(Arrays.asList(c, null, c, c), sources);
        assertThat(merged.timeline()).containsExactly(
                new TimelineEntry(LocalDate.parse("2026-03-01"), "Talks open in Geneva", "https://news1.example/a"),
                new TimelineEntry(LocalDate.parse("2026-03-02"), "Talks stall over tariffs", "https://news3.example/a"));

        List<StorySource> many = new java.util.ArrayList<>();
        List<Card> cards = new java.util.ArrayList<>();
        for (int d = 1; d <= 8; d++) {
            many.add(source(d, "Day " + d, "2026-03-0" + d + "T08:00:00Z"));
            cards.add(c);
        }
        assertThat(StoryCards.merge(cards, many).timeline()).extracting(TimelineEntry::text)
                .containsExactly("Day 3", "Day 4", "Day 5", "Day 6", "Day 7");
    }

    @Test
    void earlierStoriesJoinTheTimelineInDateOrderKeepingTheLatestFive() {
        TimelineEntry own = new TimelineEntry(LocalDate.parse("2026-03-05"), "Model-found event", null);
        Card c = card("Now.", null).withTimeline(List.of(own));
        assertThat(StoryCards.withEarlierStories(c, List.of())).isSameAs(c);

        List<TimelineEntry> earlier = new java.util.ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            earlier.add(new TimelineEntry(LocalDate.parse("2026-02-0" + d), "Earlier " + d, "https://x.example/" + d));
        }
        assertThat(StoryCards.withEarlierStories(c, earlier).timeline()).extracting(TimelineEntry::text)
                .containsExactly("Earlier 3", "Earlier 4", "Earlier 5", "Earlier 6", "Model-found event");
    }

    @Test
    void oneSourceGivesItsCardUnchangedAndNoCardAtAllIsAnError() {
        Card only = card("Just one.", null, "A fact.");
        assertThat(StoryCards.merge(List.of(only), List.of(source(1, "A", "2026-03-01T08:00:00Z")))).isSameAs(only);
        assertThatThrownBy(() -> StoryCards.merge(Arrays.asList((Card) null),
                List.of(source(1, "A", "2026-03-01T08:00:00Z")))).isInstanceOf(IllegalArgumentException.class);
    }
}
