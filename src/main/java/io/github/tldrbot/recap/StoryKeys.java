package io.github.tldrbot.recap;

import io.github.tldrbot.text.WordTokenizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How two articles are recognised as the same story: by their link once the parts that differ
 * between syndicated copies are removed, or by their title's words.
 */
final class StoryKeys {
    /**
     * Titles compare word for word, so their words are not folded; accents are dropped because
     * syndicated copies of one article do not always keep them.
     */
    private static final WordTokenizer TITLE_WORDS = WordTokenizer.asWritten(WordTokenizer.Normalisation.WITHOUT_ACCENTS);

    private StoryKeys() {
    }

    /**
     * The link without scheme ({@code http}/{@code https} are the same page), {@code www.}, fragment,
     * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code ref}, …) and trailing
     * slash; host lower-cased, remaining query parameters kept in their order. Null for no link.
     */
    static String link(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String text = link.trim();
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null) {
                return text.toLowerCase(Locale.ROOT);
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String port = uri.getPort() < 0 || uri.getPort() == 80 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = keptQuery(uri.getRawQuery());
            return host + port + path + (query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!part.isEmpty() && !isTracking(name)) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("mc_cid")
                || name.equals("mc_eid") || name.equals("ref") || name.equals("ref_src");
    }

    /** The title's words, lower-cased, accents removed, in order; empty for no title. */
    static List<String> titleWords(String title) {
        return TITLE_WORDS.tokenize(title);
    }

    /** The normalised title: its words joined by single spaces (null when it has none). */
    static String title(String title) {
        List<String> words = titleWords(title);
        return words.isEmpty() ? null : String.join(" ", words);
    }

    static Set<String> titleTokens(String title) {
        return new LinkedHashSet<>(titleWords(title));
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String token : small) {
            if (large.contains(token)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
