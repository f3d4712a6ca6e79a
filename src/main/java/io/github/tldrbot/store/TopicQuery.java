package io.github.tldrbot.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a user typed as {@code /recap topic:} into a full-text query that cannot inject
 * search syntax: only the words are kept (letters and digits, in any script), each one becomes a
 * double-quoted FTS5 string (so {@code AND}, {@code NEAR}, {@code *}, {@code ^}, column filters
 * and quotes are just text), and all words must match. A topic without a single word gives no
 * query, which callers report as bad input rather than running an empty search.
 *
 * <p>{@link #fts5} is SQLite's spelling; on PostgreSQL the same words, joined by spaces, go to
 * {@code plainto_tsquery}, which has no syntax at all ({@link TopicSearch}).
 */
public final class TopicQuery {
    /** More words than this only slow the search; the rest are ignored. */
    static final int MAX_WORDS = 8;

    private final List<String> words;

    private TopicQuery(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The words of {@code topic}, lower-cased and de-duplicated, or empty when it has none. */
    public static Optional<TopicQuery> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(topic, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && found.size() < MAX_WORDS; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                found.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (word.length() > 0 && found.size() < MAX_WORDS) {
            found.add(word.toString());
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
