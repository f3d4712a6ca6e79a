package io.github.tldrbot.recap;

import io.github.tldrbot.store.RecapCandidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups candidates that tell the same story (SPEC §8.1: "the same story from several feeds counts
 * once"). Two articles are the same story when their {@linkplain StoryKeys#link normalised links}
 * are equal, their {@linkplain StoryKeys#title normalised titles} are equal, or their titles' word
 * sets overlap with a Jaccard index of at least {@value #TITLE_SIMILARITY}. Sameness is transitive
 * (union–find), so A~B and B~C puts all three together. Quadratic in the candidates for the title
 * comparison, which the store bounds (500 candidates: about 125,000 cheap set comparisons).
 */
final class StoryMerger {
    static final double TITLE_SIMILARITY = 0.8;

    List<Story> merge(List<RecapCandidate> candidates) {
        int n = candidates.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byLink = new HashMap<>();
        Map<String, Integer> byTitle = new HashMap<>();
        List<Set<String>> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RecapCandidate c = candidates.get(i);
            String link = StoryKeys.link(c.link());
            if (link != null) {
                Integer other = byLink.putIfAbsent(link, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
            String title = StoryKeys.title(c.title());
            if (title != null) {
                Integer other = byTitle.putIfAbsent(title, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
            tokens.add(StoryKeys.titleTokens(c.title()));
        }
        for (int i = 0; i < n; i++) {
            Set<String> a = tokens.get(i);
            if (a.isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                Set<String> b = tokens.get(j);
                int small = Math.min(a.size(), b.size());
                int large = Math.max(a.size(), b.size());
                if (small < TITLE_SIMILARITY * large || find(parent, i) == find(parent, j)) {
                    continue;
                }
                if (StoryKeys.jaccard(a, b) >= TITLE_SIMILARITY) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<RecapCandidate>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(candidates.get(i));
        }
        return groups.values().stream().map(Story::new).toList();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
