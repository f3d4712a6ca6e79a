package io.github.tldrbot.story;

import java.time.Instant;
import java.util.List;

/**
 * What story matching reads of one stored article (SPEC §5.5).
 *
 * @param id        the stored article's id; a story that this article starts gets this id
 * @param title     headline, or null
 * @param text      lead or body as plain text, or null (only the first characters are read)
 * @param published the article's own publication time, or null (the caller's fallback is used)
 * @param url       the article's link, or null
 * @param links     links found in the body (hrefs), possibly empty
 * @param lang      ISO 639-1 code, or null when unknown
 * @param feedId    the feed it came from, or 0 when unknown: a feed's own follow-up must match more
 *                  closely to join its story (see {@link StorySettings#sameFeedThreshold()})
 */
public record StoryArticle(long id, String title, String text, Instant published, String url,
        List<String> links, String lang, long feedId) {

    public StoryArticle {
        links = links == null ? List.of() : List.copyOf(links.stream().filter(l -> l != null).toList());
    }

    /** An article without body links, language or feed. */
    public StoryArticle(long id, String title, String text, Instant published, String url) {
        this(id, title, text, published, url, List.of(), null, 0);
    }

    /** An article whose feed is unknown. */
    public StoryArticle(long id, String title, String text, Instant published, String url, List<String> links,
            String lang) {
        this(id, title, text, published, url, links, lang, 0);
    }
}
