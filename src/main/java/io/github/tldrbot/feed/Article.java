package io.github.tldrbot.feed;

import java.time.Instant;
import java.util.List;

/**
 * One normalised feed entry (SPEC §4.2). Strings are plain text (no HTML, entities decoded,
 * whitespace collapsed); links are absolute. Absent values are null, absent lists empty.
 *
 * @param id          stable identity within its feed (see {@link ArticleIdentity})
 * @param guid        the entry's guid / Atom id as written, or null
 * @param summary     plain text of the description, else of the content
 * @param contentText plain text of the fullest body (content, else description)
 * @param image       absolute URL of the enclosure/media/first image, or null
 */
public record Article(
        String id,
        String guid,
        String title,
        String link,
        Instant published,
        Instant updated,
        String author,
        List<String> categories,
        String summary,
        String contentText,
        String image) {

    public Article {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
