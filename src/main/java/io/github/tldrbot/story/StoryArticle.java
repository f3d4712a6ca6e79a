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
 */
public record StoryArticle(long id, String title, String text, Instant published, String url,
        List<String> links, String lang) {

    public StoryArticle {
        links = links == null ? List.of() : List.copyOf(links.stream().filter(l -> l != null).toList());
    }

    /** An article without body links or language. */
    public StoryArticle(long id, String title, String text, Instant published, String url) {
        this(id, title, text, published, url, List.of(), null);
    }
}
