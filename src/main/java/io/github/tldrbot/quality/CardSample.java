package io.github.tldrbot.quality;

import io.github.tldrbot.card.Card;
import io.github.tldrbot.feed.Article;
import java.util.List;

/**
 * One card as the report sees it.
 *
 * @param source          the feed it came from (file name or URL), for the per-feed lines
 * @param limitBreaches   the Discord limits its rendered embed breaks (empty when it fits)
 * @param summarizeNanos  the time the summarizer took for it
 */
public record CardSample(String source, Article article, Card card, List<String> limitBreaches, long summarizeNanos) {
    public CardSample {
        limitBreaches = limitBreaches == null ? List.of() : List.copyOf(limitBreaches);
    }
}
