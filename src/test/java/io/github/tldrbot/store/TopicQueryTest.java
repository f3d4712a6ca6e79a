package io.github.tldrbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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

    @Test
    void topicWordsFindWhatTheSearchIndexHoldsUnderItsOwnTokenizer() throws Exception {
        // the tokenizer of db/sqlite/V3__recap.sql; it stems and splits the quoted query words itself
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE t USING fts5(title, summary, tokenize = 'porter unicode61 remove_diacritics 2')");
            List<String> titles = List.of("Istanbul weather", "Учёные открыли", "Ученые открыли", "東京大学 入試",
                    "New libraries released");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (rowid, title, summary) VALUES (?, ?, '')")) {
                for (int i = 0; i < titles.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, titles.get(i));
                    insert.execute();
                }
            }
            assertThat(hits(c, "İstanbul")).containsExactly(0);
            assertThat(hits(c, "учёные")).containsExactly(1); // FTS5 keeps ё: a fold to е would find the other
            assertThat(hits(c, "東京大学")).containsExactly(3); // one token there, so one word here
            assertThat(hits(c, "library")).containsExactly(4); // plurals are the stemmer's job
        }
    }

    private static List<Integer> hits(Connection c, String topic) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid")) {
            q.setString(1, TopicQuery.parse(topic).orElseThrow().fts5(List.of()));
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }
}
