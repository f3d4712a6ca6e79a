package io.github.tldrbot.story;

import java.time.Duration;

/**
 * The knobs of story matching. {@link #defaults()} holds the values chosen on the secondary
 * evaluation set and hand-made examples (docs/stories.md says how); the main evaluation set was only
 * measured with them.
 *
 * @param window          a story is a candidate when one of its articles was published this close
 *                        to the new article (SPEC §5.5: 72 h)
 * @param threshold       least similarity to a story for an article to join it
 * @param sameFeedThreshold least similarity to join a story whose articles in the window all come from
 *                        the new article's own feed: a feed rarely tells one event twice, and a channel
 *                        that follows only that feed would otherwise see its next article folded into
 *                        the previous card instead of posted
 * @param relatedThreshold least similarity for another story to be listed as a related update (below
 *                        {@code threshold}: close topics, not the same event)
 * @param titleWeight     how much a title word counts against a word of the lead
 * @param entityWeight    weight of a named-entity-like feature (a capitalised run of words)
 * @param numberWeight    weight of a number of two or more digits
 * @param linkBonus       added to the similarity of two articles that share a link few articles share
 *                        (the article's own canonical link or a body link to another site's page): an
 *                        article citing another one, or both citing one source, lean towards one story
 * @param leadChars       how many leading characters of the text are read
 * @param singleLink      share of the best single article in a story's score; the rest is the mean
 *                        over the story's articles in the window (1 = single link, 0 = average link)
 * @param dfHalfLife      half-life of the document frequencies, which outlive the window so that
 *                        rare words are known as rare even when few articles are in the window
 * @param postingBudget   most postings read per article when gathering candidates (bounds the time)
 * @param maxCandidates   most candidate articles scored in full per new article
 */
public record StorySettings(Duration window, double threshold, double sameFeedThreshold, double relatedThreshold, double titleWeight, double entityWeight,
        double numberWeight, double linkBonus, int leadChars, double singleLink, Duration dfHalfLife, int postingBudget,
        int maxCandidates) {

    public StorySettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("story window must be positive");
        }
        if (dfHalfLife == null || dfHalfLife.isNegative() || dfHalfLife.isZero()) {
            throw new IllegalArgumentException("document-frequency half-life must be positive");
        }
        if (singleLink < 0 || singleLink > 1) {
            throw new IllegalArgumentException("singleLink must lie in [0, 1]");
        }
    }

    /** The defaults (see docs/stories.md for where each value comes from). */
    public static StorySettings defaults() {
        return new StorySettings(Duration.ofHours(72), 0.25, 0.5, 0.12, 2.0, 1.0, 1.0, 0.15, 1000, 0.5,
                Duration.ofDays(30), 2000, 20);
    }

    /** These settings with another window. */
    public StorySettings withWindow(Duration w) {
        return new StorySettings(w, threshold, sameFeedThreshold, relatedThreshold, titleWeight, entityWeight, numberWeight, linkBonus, leadChars, singleLink,
                dfHalfLife, postingBudget, maxCandidates);
    }

    /** These settings with another threshold for a story told only by the article's own feed. */
    public StorySettings withSameFeedThreshold(double t) {
        return new StorySettings(window, threshold, t, relatedThreshold, titleWeight, entityWeight, numberWeight, linkBonus, leadChars,
                singleLink, dfHalfLife, postingBudget, maxCandidates);
    }

    /** These settings with another join threshold. */
    public StorySettings withThreshold(double t) {
        return new StorySettings(window, t, sameFeedThreshold, relatedThreshold, titleWeight, entityWeight, numberWeight, linkBonus, leadChars, singleLink,
                dfHalfLife, postingBudget, maxCandidates);
    }
}
