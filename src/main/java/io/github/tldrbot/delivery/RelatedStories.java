package io.github.tldrbot.delivery;

import java.util.List;

/**
 * Which other stories are on close topics to an article's story (SPEC §5.1 {@code relatedUpdates}),
 * as story ids — each the id of the story's first article — best first. The running bot answers from
 * its story index; a loader without one lists none.
 */
@FunctionalInterface
public interface RelatedStories {

    /** Lists no related stories. */
    RelatedStories NONE = (articleId, max) -> List.of();

    List<Long> of(long articleId, int max);
}
