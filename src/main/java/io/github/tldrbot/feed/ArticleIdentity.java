package io.github.tldrbot.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Gives every article of one document a stable, distinct id (SPEC §4.2), so the store can tell new
 * articles from known ones across polls.
 * <ul>
 *   <li>{@code guid:<guid>} when the guid / Atom id / RDF about is present and unique in the document
 *       (text edits then never change the id);</li>
 *   <li>else {@code link:<link>} when that link is unique among the entries falling back to links;</li>
 *   <li>else {@code link:<link>#<hash>} for duplicated links, {@code hash:<hash>} with no link, where
 *       the hash is SHA-256 of title and summary (hex, 32 chars).</li>
 * </ul>
 * The kind prefix keeps a guid that happens to equal another entry's link from colliding with it.
 * Nothing depends on position, so re-ordering keeps ids; only if two entries are identical in
 * every identifying field does a {@code #2}, {@code #3} suffix (in document order) keep them apart.
 * Stateless and thread-safe.
 */
public final class ArticleIdentity {

    /** The articles, in the same order, each with its {@code id} set. */
    public List<Article> identify(List<Article> articles) {
        List<String> ids = idsOf(articles.stream().map(Article::guid).toList(),
                articles.stream().map(Article::link).toList(), i -> contentHash(articles.get(i)));
        List<Article> out = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            out.add(articles.get(i).withId(ids.get(i)));
        }
        return out;
    }

    /**
     * The ids of a document's entries from what identifies them, in the same order: the rules of
     * {@link #identify} without whole articles, so a parser can tell which entries a store already
     * holds before it spends work on their text.
     *
     * @param guids  each entry's guid as its article carries it (null when absent)
     * @param links  each entry's absolute link as its article carries it (null when absent)
     * @param hashOf the {@linkplain #contentHash content hash} of entry {@code i}; asked only for
     *               entries whose guid and link do not tell them apart
     */
    List<String> idsOf(List<String> guids, List<String> links, IntFunction<String> hashOf) {
        Map<String, Integer> guidCounts = countOf(guids, i -> true);
        Map<String, Integer> linkCounts = countOf(links, i -> !hasUniqueGuid(guids.get(i), guidCounts));

        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(guids.size());
        for (int i = 0; i < guids.size(); i++) {
            String id;
            String link = links.get(i);
            if (hasUniqueGuid(guids.get(i), guidCounts)) {
                id = "guid:" + guids.get(i).strip();
            } else if (!isBlank(link)) {
                String stripped = link.strip();
                id = linkCounts.get(stripped) == 1 ? "link:" + stripped : "link:" + stripped + "#" + hashOf.apply(i);
            } else {
                id = "hash:" + hashOf.apply(i);
            }
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "#" + n;
            }
            out.add(unique);
        }
        return out;
    }

    /** SHA-256 (hex, first 32 chars) of title and summary: what identifies an entry with nothing else. */
    String contentHash(Article a) {
        String text = nullToEmpty(a.title()) + "\n" + nullToEmpty(a.summary());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** How often each (stripped) non-blank key occurs among the entries {@code counted} accepts. */
    private static Map<String, Integer> countOf(List<String> keys, IntPredicate counted) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!isBlank(key) && counted.test(i)) {
                counts.merge(key.strip(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static boolean hasUniqueGuid(String guid, Map<String, Integer> guidCounts) {
        return !isBlank(guid) && guidCounts.get(guid.strip()) == 1;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
