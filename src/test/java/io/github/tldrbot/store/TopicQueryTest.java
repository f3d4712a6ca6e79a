package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user types as {@code /recap topic:} becomes words, never search syntax. */
class TopicQueryTest {
    @Test
    void topicWordsAreQuotedSoSearchSyntaxIsText() {
        assertThat(TopicQuery.parse("  \"Rust\" AND NEAR(x* ^y), title:z  ").orElseThrow().fts5(List.of()))
                .isEqualTo("{title summary} : (\"rust\" \"and\" \"near\" \"x\" \"y\" \"title\" \"z\")");
        assertThat(TopicQuery.parse("a").orElseThrow().fts5(List.of(3L, 4L)))
                .isEqualTo("{title summary} : (\"a\") AND search_feed : (\"feed3\" OR \"feed4\")");
        assertThat(TopicQuery.parse("\"*\" () -- ;")).isEmpty();
        assertThat(TopicQuery.parse("Éire über 東京")).get().extracting(TopicQuery::words)
                .isEqualTo(List.of("éire", "über", "東京"));
    }

    @Test
    void aTopicWordIsOneWordOfTheIndexWhateverItsScript() {
        // vowel signs are combining marks and a dotted İ lower-cases to i: neither splits the word
        assertThat(TopicQuery.parse("हिन्दी İstanbul ＲＵＳＴ")).get().extracting(TopicQuery::words)
                .isEqualTo(List.of("हिन्दी", "istanbul", "rust"));
        assertThat(TopicQuery.parse("a b c d e f g h i j a")).get().extracting(TopicQuery::words)
                .isEqualTo(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
    }
}
