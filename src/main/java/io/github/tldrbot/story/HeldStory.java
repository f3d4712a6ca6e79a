package io.github.tldrbot.story;

import java.util.ArrayList;
import java.util.List;

/** A story with at least one article in the {@link StoryIndex}, and those articles. */
final class HeldStory {
    final long id;
    final List<IndexedArticle> members = new ArrayList<>(2);

    HeldStory(long id) {
        this.id = id;
    }

    /** Publication time of its earliest held article, or {@code otherwise} when it holds none. */
    long firstTime(long otherwise) {
        return members.stream().mapToLong(m -> m.time).min().orElse(otherwise);
    }
}
