package io.github.tldrbot.delivery;

import java.util.List;

/**
 * What a story card shows around its own story (SPEC §5.1): other stories on close topics
 * ({@code relatedUpdates}) and earlier stories about the same main entities ({@code timeline}), each
 * as story ids — a story's id is the id of its first article. The running bot answers from its story
 * index; {@link #NONE} lists nothing.
 */
public interface StoryContext {

    /** Lists no other stories. */
    StoryContext NONE = of((articleId, max) -> List.of(), (articleId, max) -> List.of());

    /** Up to {@code max} stories on close topics to the story of {@code articleId}, best first. */
    List<Long> related(long articleId, int max);

    /** Up to {@code max} earlier stories about the same main entities, oldest first. */
    List<Long> earlier(long articleId, int max);

    /** One story query: an article id and a count in, story ids out. */
    @FunctionalInterface
    interface Query {
        List<Long> stories(long articleId, int max);
    }

    static StoryContext of(Query related, Query earlier) {
        return new StoryContext() {
            @Override
            public List<Long> related(long articleId, int max) {
                return related.stories(articleId, max);
            }

            @Override
            public List<Long> earlier(long articleId, int max) {
                return earlier.stories(articleId, max);
            }
        };
    }
}
