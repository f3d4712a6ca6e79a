package io.github.tldrbot.store;

import io.github.tldrbot.text.WordTokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a user typed as {@code /recap topic:} into a full-text query that cannot inject
 * search syntax: only the words are kept ({@link WordTokenizer}'s as-written words: letters, digits
 * and combining marks, in any script), each one becomes a double-quoted FTS5 string (so {@code AND},
 * {@code NEAR}, {@code *}, {@code ^}, column filters and quotes are just text), and all words must
 * match. A topic without a single word gives no
 * query, which callers report as bad input rather than running an empty search.
 *
 * <p>{@link #fts5} is SQLite's spelling; on PostgreSQL the same words, joined by spaces, go to
 * {@code plainto_tsquery}, which has no syntax at all ({@link TopicSearch}).
 */
public final class TopicQuery {
    /** More words than this only slow the search; the rest are ignored. */
    static final int MAX_WORDS = 8;
    /**
     * Words as written, not folded: FTS5 ({@code porter unicode61}) and PostgreSQL's text search split
     * and stem the query themselves, as they did the indexed text, so a fold of ours could only make
     * the two disagree (FTS5 keeps ё apart from е, and a run of ideographs is one token there). NFKC
     * first, so that full-width letters and ligatures typed into the search read as the plain ones.
     */
    private static final WordTokenizer WORDS = WordTokenizer.asWritten(WordTokenizer.Normalisation.COMPATIBILITY);

    private final List<String> words;

    private TopicQuery(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The words of {@code topic}, lower-cased and de-duplicated, or empty when it has none. */
    public static Optional<TopicQuery> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String word : WORDS.tokenize(topic)) {
            if (found.size() == MAX_WORDS) {
                break;
            }
            found.add(word);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new TopicQuery(new ArrayList<>(found)));
    }

    public List<String> words() {
        return words;
    }

    /**
     * The FTS5 MATCH expression: every word quoted, implicitly AND-ed, searched in title and summary
     * only; with {@code feedIds}, also "from one of these feeds" (the {@code search_feed} column of
     * {@code V3__recap.sql}). Words hold no quote characters, feed tokens are digits.
     */
    String fts5(List<Long> feedIds) {
        StringBuilder out = new StringBuilder("{title summary} : (");
        for (int i = 0; i < words.size(); i++) {
            out.append(i == 0 ? "\"" : " \"").append(words.get(i)).append('"');
        }
        out.append(')');
        if (!feedIds.isEmpty()) {
            out.append(" AND search_feed : (");
            for (int i = 0; i < feedIds.size(); i++) {
                out.append(i == 0 ? "\"feed" : " OR \"feed").append(feedIds.get(i)).append('"');
            }
            out.append(')');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
