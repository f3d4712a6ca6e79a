package io.github.tldrbot.story;

/**
 * One feature of the {@link Vocabulary} (a word, a name-like phrase, a number or a link): its decayed
 * document frequency and the held articles that have it.
 */
final class Term {
    /** Dense id, in order of first sight: an article's terms are kept sorted by it for merge joins. */
    final int id;
    final boolean link;
    final boolean entity;
    /** Decayed document frequency, scaled as {@link Vocabulary} stores it. */
    double df;
    final Postings postings = new Postings();
    /** Evicted articles still in {@link #postings}: compacted away once they are many. */
    int dead;

    Term(int id, boolean link, boolean entity) {
        this.id = id;
        this.link = link;
        this.entity = entity;
    }
}
