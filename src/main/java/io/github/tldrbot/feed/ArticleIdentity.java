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
        Map<String, Integer> guidCounts = countOf(articles, true);
        List<Article> byLink = new ArrayList<>();
        for (Article a : articles) {
            if (!hasUniqueGuid(a, guidCounts)) {
                byLink.add(a);
            }
        }
        Map<String, Integer> linkCounts = countOf(byLink, false);

        Set<String> used = new HashSet<>();
        List<Article> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            String id;
            if (hasUniqueGuid(a, guidCounts)) {
                id = "guid:" + a.guid().strip();
            } else if (!isBlank(a.link())) {
                String link = a.link().strip();
                id = linkCounts.get(link) == 1 ? "link:" + link : "link:" + link + "#" + contentHash(a);
            } else {
                id = "hash:" + contentHash(a);
            }
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "#" + n;
            }
            out.add(withId(a, unique));
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

    private static Map<String, Integer> countOf(List<Article> articles, boolean guids) {
        Map<String, Integer> counts = new HashMap<>();
        for (Article a : articles) {
            String key = guids ? a.guid() : a.link();
            if (!isBlank(key)) {
                counts.merge(key.strip(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static boolean hasUniqueGuid(Article a, Map<String, Integer> guidCounts) {
        return !isBlank(a.guid()) && guidCounts.get(a.guid().strip()) == 1;
    }

    private static Article withId(Article a, String id) {
        return new Article(id, a.guid(), a.title(), a.link(), a.published(), a.updated(), a.author(),
                a.categories(), a.summary(), a.contentText(), a.image(), a.lang(), a.links());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
