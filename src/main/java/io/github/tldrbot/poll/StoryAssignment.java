package io.github.tldrbot.poll;

import io.github.tldrbot.store.StoredArticle;
import java.util.List;

/**
 * Gives newly stored articles their story (SPEC §5.5) before any of them is posted, so delivery
 * can keep one card per story per channel ({@link io.github.tldrbot.story.StoryTracker#assign}).
 */
@FunctionalInterface
public interface StoryAssignment {

    /** Every article stays a story of its own. */
    StoryAssignment NONE = fresh -> { };

    void assign(List<StoredArticle> fresh);
}
