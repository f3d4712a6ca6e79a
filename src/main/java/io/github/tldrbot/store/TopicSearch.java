package io.github.tldrbot.store;

import java.util.List;

/**
 * How {@code /recap topic:} finds articles (SPEC §8.1: full-text search over title and summary),
 * per dialect; {@link SqlDialect} picks one and {@link RecapStore} builds its BY_TEXT query from
 * the pieces. The match parameter is bound first, then (FTS5 only, {@link #idFloor}) the first id of
 * the period.
 *
 * <p>Stemming is English on both sides so a topic finds the same articles on either store:
 * SQLite's FTS5 table uses the {@code porter} stemmer, PostgreSQL the {@code english} text-search
 * configuration (Snowball's English stemmer, a refinement of Porter's), so "vulnerabilities" finds
 * "vulnerability" on both. Two differences remain and are accepted: FTS5 folds diacritics
 * ({@code remove_diacritics 2}: "cafe" finds "café") while PostgreSQL does not without the
 * {@code unaccent} extension, which a plain database does not have; and {@code english} drops stop
 * words, so a topic of only stop words ("the") finds nothing on PostgreSQL.
 */
sealed interface TopicSearch {
    /** What the query reads from; the article table is always aliased {@code a}. */
    String from();

    /** The match condition: its parameters are {@link #match} and, when {@link #idFloor}, the floor. */
    String condition();

    /** Newest match first. */
    String order();

    /** True when {@link #condition} also takes the lowest article id of the period (computed for it). */
    boolean idFloor();

    /**
     * True when the search is a condition on the articles row alone ({@link #from} is the article
     * table), so it can also filter a query that reads another table first: an audience recap
     * with a topic then reads the audience's rows of the guild's feeds and checks the words on
     * those articles only, rather than checking the audience on every match of the words.
     */
    boolean onArticles();

    /** The value bound for the match parameter. */
    String match(TopicQuery topic, List<Long> feedIds);

    /**
     * The FTS5 table of {@code db/sqlite/V3__recap.sql}, joined by row id, walked from the newest
     * article id down to the first id of the period (FTS5 consumes {@code ORDER BY rowid DESC} and
     * the row id bound, so the newest matches are read first and the walk stops at the candidate
     * cap); candidates are then the newest by id, which is insertion order. The match also names the
     * guild's feeds when they are few (the {@code search_feed} tokens), so FTS5 intersects doclists
     * instead of returning every match of a common word.
     */
    final class Fts5 implements TopicSearch {
        @Override
        public String from() {
            return "articles_fts t CROSS JOIN articles a ON a.id = t.rowid";
        }

        @Override
        public String condition() {
            return "t.articles_fts MATCH ? AND t.rowid >= ?";
        }

        @Override
        public String order() {
            return "t.rowid DESC";
        }

        @Override
        public boolean idFloor() {
            return true;
        }

        @Override
        public boolean onArticles() {
            return false;
        }

        @Override
        public String match(TopicQuery topic, List<Long> feedIds) {
            return topic.fts5(feedIds);
        }
    }

    /**
     * The {@code search_vector} column of {@code db/postgresql/V3__recap.sql} (a generated
     * {@code tsvector} with a GIN index). The words go through {@code plainto_tsquery}, which reads
     * its argument as plain text (no operators), AND-ing the words; the feed restriction is the
     * ordinary {@code feed_id} condition every recap has.
     *
     * <p>Newest first means by first-seen time, as on the other paths, so the planner may walk the
     * time index backwards and stop at the cap (a common word in a busy guild) or read the GIN
     * index and sort the few matches (a rare word, a guild of few feeds), whichever the values
     * make cheaper — which rests on its guess of the word's matches, from the column's statistics
     * (a sample of 1,000 words, {@code V19__search_statistics.sql}: with the default 100 a rare word
     * was guessed five times too common and ANDed with a month of the time index). There is no id
     * floor: finding the lowest id of a period means visiting every article of the period here (the
     * time index does not hold the id), 0.2 s for a month at 100,000 articles. First-seen order is
     * insertion order but for articles stored at the same moment by two processes, so the candidates
     * are those FTS5 would give.
     */
    final class TsQuery implements TopicSearch {
        /** The text-search configuration of the generated column; the query must use the same. */
        static final String CONFIG = "english";

        @Override
        public String from() {
            return "articles a";
        }

        @Override
        public String condition() {
            return "a.search_vector @@ plainto_tsquery('" + CONFIG + "', ?)";
        }

        @Override
        public String order() {
            return "a.first_seen_at DESC, a.id DESC";
        }

        @Override
        public boolean idFloor() {
            return false;
        }

        @Override
        public boolean onArticles() {
            return true;
        }

        @Override
        public String match(TopicQuery topic, List<Long> feedIds) {
            return String.join(" ", topic.words());
        }
    }
}
