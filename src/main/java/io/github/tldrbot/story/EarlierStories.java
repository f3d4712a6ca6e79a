package io.github.tldrbot.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the earlier stories of a story's timeline (SPEC §5.1 {@code timeline}): held stories that
 * began at least {@link StoryIndex#EARLIER_GAP_SECONDS} before it and share a name-like phrase that
 * few articles carry, the most shared first. Reads the index's tables; not thread-safe, the index
 * synchronizes.
 */
final class EarlierStories {

    /** A name-like phrase held by more articles than this is too common to tie two stories together. */
    private static final int MAIN_ENTITY_POSTINGS = 50;

    private final Vocabulary vocabulary;
    private final Map<Long, HeldStory> stories;

    EarlierStories(Vocabulary vocabulary, Map<Long, HeldStory> stories) {
        this.vocabulary = vocabulary;
        this.stories = stories;
    }

    /** Up to {@code max} earlier stories about the main entities of {@code e}, whose story is {@code own}. */
    List<StoryIndex.Earlier> about(IndexedArticle e, HeldStory own, int max) {
        long start = own.firstTime(e.time);
        double scale = vocabulary.scale();
        Map<Long, double[]> shared = new HashMap<>();
        for (Term term : e.terms) {
            // a name that many articles carry ("United States") says nothing about this story
            if (!term.entity || term.postings.size() > MAIN_ENTITY_POSTINGS) {
                continue;
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < term.postings.size(); i++) {
                IndexedArticle p = term.postings.entry(i);
                if (!p.evicted && p.storyId != e.storyId && seen.add(p.storyId)) {
                    shared.computeIfAbsent(p.storyId, k -> new double[1])[0] += vocabulary.idf(term, scale);
                }
            }
        }
        List<StoryIndex.Earlier> out = new ArrayList<>();
        for (Map.Entry<Long, double[]> candidate : shared.entrySet()) {
            HeldStory s = stories.get(candidate.getKey());
            if (s == null) {
                continue;
            }
            long first = s.firstTime(Long.MAX_VALUE);
            if (first <= start - StoryIndex.EARLIER_GAP_SECONDS) {
                out.add(new StoryIndex.Earlier(s.id, Instant.ofEpochSecond(first), candidate.getValue()[0]));
            }
        }
        return out.stream()
                .sorted(Comparator.comparingDouble((StoryIndex.Earlier x) -> -x.score()).thenComparingLong(StoryIndex.Earlier::storyId))
                .limit(max).sorted(Comparator.comparing(StoryIndex.Earlier::firstPublished)).toList();
    }
}
