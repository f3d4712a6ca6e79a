package io.github.tldrbot.poll;

import io.github.tldrbot.store.PostChooser;
import io.github.tldrbot.store.PostSkip;
import io.github.tldrbot.store.SkipReason;
import io.github.tldrbot.store.StoredArticle;

import java.time.Instant;
import java.util.List;

/**
 * The poll's {@link PostChooser}: nothing on the seeding poll (SPEC §4.4), else {@link PostSelector}'s
 * choice. Of the articles it leaves out, only the flood guard's are recorded as skips (SPEC §6.5):
 * seeding and age are told later from the article rows, so the seeding poll writes no extra row.
 */
final class PollChooser implements PostChooser {
    private final PostSelector selector;
    private final boolean seeded;
    private final Instant now;

    PollChooser(PostSelector selector, boolean seeded, Instant now) {
        this.selector = selector;
        this.seeded = seeded;
        this.now = now;
    }

    @Override
    public List<StoredArticle> choose(List<StoredArticle> fresh) {
        return seeded ? selector.select(fresh, now) : List.of();
    }

    @Override
    public List<PostSkip> skips(List<StoredArticle> fresh, List<StoredArticle> chosen) {
        if (!seeded) {
            return List.of();
        }
        String limit = Integer.toString(selector.maxPostsPerPoll());
        return selector.overLimit(fresh, chosen, now).stream()
                .map(a -> PostSkip.feedWide(a.id(), SkipReason.FLOOD, limit))
                .toList();
    }
}
