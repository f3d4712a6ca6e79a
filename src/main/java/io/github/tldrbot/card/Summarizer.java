package io.github.tldrbot.card;

import io.github.tldrbot.feed.Article;
import java.util.List;

/** Writes the TL;DR card of one article (SPEC §5.2). Thread-safe; never throws for odd input. */
public interface Summarizer {
    Card summarize(Article article);

    /**
     * The card of an article from a feed with default audiences (SPEC §5.3): "who should care" leans
     * to {@code priorAudienceIds}. A summarizer that picks audiences another way may ignore them
     * (the default does).
     */
    default Card summarize(Article article, List<String> priorAudienceIds) {
        return summarize(article);
    }
}
