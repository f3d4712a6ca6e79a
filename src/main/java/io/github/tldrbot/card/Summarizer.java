package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;

/** Writes the TL;DR card of one article (SPEC §5.2). Thread-safe; never throws for odd input. */
public interface Summarizer {
    Card summarize(Article article);
}
