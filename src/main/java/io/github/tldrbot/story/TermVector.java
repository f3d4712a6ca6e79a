package io.github.tldrbot.story;

/** An article's terms sorted by id and each term's raw weight in it. */
record TermVector(Term[] terms, float[] tf) {
}
