package io.github.tldrbot.story;

/**
 * An article held by the {@link StoryIndex}: its story, time, terms (sorted by id) with their raw
 * weights, and the scratch space of the query that is scoring it.
 */
final class IndexedArticle {
    final long id;
    final long feedId;
    final long storyId;
    final long time;
    final Term[] terms;
    final float[] tf;
    final String url;
    /** Norm of the TF-IDF vector, with the frequencies of the time the article was indexed. */
    double norm;
    boolean evicted;
    /**
     * The query whose partial score {@link #acc} holds: partial dot products accumulate in the articles
     * themselves rather than in a map per query.
     */
    int stamp;
    double acc;

    IndexedArticle(long id, long feedId, long storyId, long time, TermVector vector, String url) {
        this.id = id;
        this.feedId = feedId;
        this.storyId = storyId;
        this.time = time;
        this.terms = vector.terms();
        this.tf = vector.tf();
        this.url = url;
    }
}
