package io.github.tldrbot.recap;

import io.github.tldrbot.store.RecapCandidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups candidates that tell the same story (SPEC §8.1: "the same story from several feeds counts
 * once"). Two articles are the same story when ingest put them in the same story (SPEC §5.5,
 * {@code articles.story_id}), when their {@linkplain StoryKeys#link normalised links}
 * are equal, their {@linkplain StoryKeys#title normalised titles} are equal, or their titles' word
 * sets overlap with a Jaccard index of at least {@value #TITLE_SIMILARITY}. Sameness is transitive
 * (union–find), so A~B and B~C puts all three together. Titles are compared only when they share a
 * rare word (prefix filtering), so 500 candidates take well under a millisecond, not 125,000 comparisons.
 */
final class StoryMerger {
    static final double TITLE_SIMILARITY = 0.8;

    List<Story> merge(List<RecapCandidate> candidates) {
        int n = candidates.size();
        int[] parent = new int[n];
        Map<String, Integer> byStory = new HashMap<>();
        Map<String, Integer> byLink = new HashMap<>();
        Map<String, Integer> byTitle = new HashMap<>();
        List<List<String>> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            RecapCandidate c = candidates.get(i);
            List<String> titleWords = StoryKeys.titleWords(c.title());
            words.add(titleWords);
            join(parent, byStory, c.storyId() == null ? null : c.storyId().toString(), i);
            join(parent, byLink, StoryKeys.link(c.link()), i);
            join(parent, byTitle, titleWords.isEmpty() ? null : String.join(" ", titleWords), i);
        }
        mergeSimilarTitles(parent, words);
        Map<Integer, List<RecapCandidate>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(candidates.get(i));
        }
        return groups.values().stream().map(Story::new).toList();
    }

    private static void join(int[] parent, Map<String, Integer> seen, String key, int i) {
        if (key != null) {
            Integer other = seen.putIfAbsent(key, i);
            if (other != null) {
                union(parent, i, other);
            }
        }
    }

    /**
     * Jaccard ≥ t between all pairs without comparing all pairs (prefix filtering): order each
     * title's distinct words from rarest to commonest; two sets with Jaccard ≥ t must share one of
     * the first {@code |A| − ⌈t·|A|⌉ + 1} words of each, so only titles sharing such a word are compared.
     */
    private static void mergeSimilarTitles(int[] parent, List<List<String>> words) {
        int n = words.size();
        Map<String, Integer> frequency = new HashMap<>();
        List<Set<String>> sets = new ArrayList<>(n);
        for (List<String> w : words) {
            Set<String> set = new HashSet<>(w);
            sets.add(set);
            for (String token : set) {
                frequency.merge(token, 1, Integer::sum);
            }
        }
        Comparator<String> rarestFirst = Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
        Map<String, List<Integer>> byPrefixWord = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Set<String> set = sets.get(i);
            if (set.isEmpty()) {
                continue;
            }
            List<String> ordered = set.stream().sorted(rarestFirst).toList();
            int prefix = set.size() - (int) Math.ceil(TITLE_SIMILARITY * set.size() - 1e-9) + 1;
            Set<Integer> compared = new HashSet<>();
            for (String token : ordered.subList(0, prefix)) {
                List<Integer> others = byPrefixWord.computeIfAbsent(token, k -> new ArrayList<>());
                for (int j : others) {
                    if (compared.add(j) && find(parent, i) != find(parent, j)
                            && StoryKeys.jaccard(set, sets.get(j)) >= TITLE_SIMILARITY) {
                        union(parent, i, j);
                    }
                }
                others.add(i);
            }
        }
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
