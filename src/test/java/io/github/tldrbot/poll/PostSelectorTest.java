package io.github.tldrbot.poll;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.store.StoredArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PostSelectorTest {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final PostSelector selector = new PostSelector(Duration.ofDays(3), 3);

    /** "id@hoursAgo" or "id" (undated); "id@u5" is dated only by updated, 5 hours ago. */
    static List<StoredArticle> doc(String... specs) {
        List<StoredArticle> list = new ArrayList<>();
        long rowId = 1;
        for (String spec : specs) {
            String[] parts = spec.split("@");
            Instant published = null;
            Instant updated = null;
            if (parts.length == 2 && parts[1].startsWith("u")) {
                updated = NOW.minus(Duration.ofHours(Long.parseLong(parts[1].substring(1))));
            } else if (parts.length == 2) {
                published = NOW.minus(Duration.ofHours(Long.parseLong(parts[1])));
            }
            Article article = new Article(parts[0], null, parts[0], null, published, updated, null, List.of(), null, null, null);
            list.add(new StoredArticle(rowId++, 1, article, NOW));
        }
        return list;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("dated: oldest first whatever the document order", doc("b@2", "c@1", "a@3"), List.of("a", "b", "c")),
                arguments("equal dates: later in the document is older", doc("y@1", "x@1"), List.of("x", "y")),
                arguments("undated: reverse document order", doc("c", "b", "a"), List.of("a", "b", "c")),
                arguments("mixed: reverse document order", doc("c@1", "b", "a@3"), List.of("a", "b", "c")),
                arguments("updated stands in for published", doc("b@u1", "a@2"), List.of("a", "b")),
                arguments("older than maxArticleAge: not posted", doc("new@1", "old@100", "edge@72"), List.of("edge", "new")),
                arguments("flood guard keeps the newest three, oldest first", doc("e@1", "d@2", "c@3", "b@4", "a@5"), List.of("c", "d", "e")),
                arguments("nothing new", doc(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectsWhatToPostOldestFirst(String name, List<StoredArticle> fresh, List<String> expected) {
        assertThat(selector.select(fresh, NOW)).extracting(s -> s.article().id()).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> newest() {
        return Stream.of(
                arguments(doc("b@2", "c@1", "a@3"), "c"),
                arguments(doc("first", "second"), "first"),
                arguments(doc("old@100", "new@1"), "new"));
    }

    @ParameterizedTest
    @MethodSource("newest")
    void theSeedSampleIsTheNewestArticle(List<StoredArticle> articles, String expected) {
        assertThat(selector.newest(articles)).map(s -> s.article().id()).contains(expected);
    }

    @Test
    void overLimitIsWhatTheFloodGuardHeldBackNotWhatWasTooOld() {
        List<StoredArticle> fresh = doc("e@1", "old@100", "d@2", "c@3", "b@4", "a@5");
        List<StoredArticle> chosen = selector.select(fresh, NOW);
        assertThat(selector.overLimit(fresh, chosen, NOW)).extracting(s -> s.article().id()).containsExactly("b", "a");
        assertThat(new PollChooser(selector, true, NOW).skips(fresh, chosen))
                .extracting(io.github.tldrbot.store.PostSkip::reason, io.github.tldrbot.store.PostSkip::detail, io.github.tldrbot.store.PostSkip::subscriptionId)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(io.github.tldrbot.store.SkipReason.FLOOD, "3", null));
        assertThat(new PollChooser(selector, false, NOW).choose(fresh)).as("the seeding poll posts nothing").isEmpty();
        assertThat(new PollChooser(selector, false, NOW).skips(fresh, List.of())).as("and stores no reason").isEmpty();
    }
}
