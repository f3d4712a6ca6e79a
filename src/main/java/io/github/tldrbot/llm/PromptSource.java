package io.github.tldrbot.llm;

import io.github.tldrbot.feed.Article;
import io.github.tldrbot.feed.ArticleLink;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One numbered source a card is written from (SPEC §5.1 {@code sources}): the model sees it as
 * {@code [n]}, and every {@code [n]} in its answer is checked against these.
 *
 * <p>Today a card has one source, the article ({@code [1]}); a story card (SPEC §5.5) will pass
 * several, earliest first, through the same type.
 *
 * @param n         1-based number, as cited
 * @param publisher who published it: the host of the link without {@code www.} (the feed's
 *                  title is not known to a summarizer), or empty
 * @param published publication time (else the update time), or null
 * @param lang      ISO 639-1 code of its language, or null
 * @param text      the fullest plain text: the article's {@code contentText} (the full page when the
 *                  bot fetched it for a teaser feed), else its {@code summary}; empty when neither
 * @param links     links of the body (anchor text, absolute URL)
 */
record PromptSource(int n, String title, String publisher, String link, Instant published, String lang,
                    String text, List<ArticleLink> links) {

    PromptSource {
        title = title == null ? "" : title.strip();
        publisher = publisher == null ? "" : publisher;
        link = link == null ? "" : link.strip();
        text = text == null ? "" : text;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** {@code articles} numbered 1, 2, … in the given order (the caller puts the earliest first). */
    static List<PromptSource> of(List<Article> articles) {
        List<PromptSource> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            out.add(of(out.size() + 1, a));
        }
        return List.copyOf(out);
    }

    static PromptSource of(int n, Article a) {
        String body = a.contentText() != null && !a.contentText().isBlank() ? a.contentText() : a.summary();
        return new PromptSource(n, a.title(), publisher(a.link()), a.link(),
                a.published() != null ? a.published() : a.updated(), a.lang(), body, a.links());
    }

    /** The host of {@code link} without a leading {@code www.}, or empty. */
    static String publisher(String link) {
        if (link == null || link.isBlank()) {
            return "";
        }
        try {
            String host = URI.create(link.strip()).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
