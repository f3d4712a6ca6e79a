package io.github.tldrbot.feed;

import java.util.List;

/**
 * What reading an article's web page gave (the full text of a teaser feed's article): its main text,
 * or why there is none. Both are remembered per article URL, so a page is fetched at most once.
 */
public sealed interface PageText {

    /**
     * @param text  plain text, paragraphs separated by {@code "\n\n"} (as {@link HtmlText} makes it)
     * @param links the links inside that text, in document order, absolute http(s)
     */
    record Found(String text, List<ArticleLink> links) implements PageText {
        public Found {
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    /**
     * No usable text: the fetch failed, the page is not HTML, or it holds no prose.
     *
     * @param reason one line for logs ({@code not_html: image/png}, {@code HTTP_STATUS: HTTP 404 …})
     */
    record Missing(String reason) implements PageText {
    }
}
