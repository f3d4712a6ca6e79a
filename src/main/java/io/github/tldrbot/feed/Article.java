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
 * @param lang        ISO 639-1 code of the article's language ({@code en}, {@code de} …), or null
 *                    when the text is too short or too mixed to tell
 * @param links       the links of the body, in document order: anchor text and absolute URL, so a
 *                    card can carry the link the text gives for an action ("release notes" → its href)
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
        String image,
        String lang,
        List<ArticleLink> links) {

    public Article {
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An article whose language and body links are not known (yet). */
    public Article(String id, String guid, String title, String link, Instant published, Instant updated,
                   String author, List<String> categories, String summary, String contentText, String image) {
        this(id, guid, title, link, published, updated, author, categories, summary, contentText, image,
                null, List.of());
    }

    /**
     * This article with the full text read from its web page as its body; the feed's {@code summary}
     * is kept (filters and recaps read it).
     *
     * @param newLinks the links of that text; when empty, the feed body's links are kept
     */
    public Article withFullText(String text, List<ArticleLink> newLinks) {
        return new Article(id, guid, title, link, published, updated, author, categories, summary, text, image, lang,
                newLinks == null || newLinks.isEmpty() ? links : newLinks);
    }

    public Article withId(String newId) {
        return new Article(newId, guid, title, link, published, updated, author, categories, summary, contentText,
                image, lang, links);
    }

    public Article withLang(String newLang) {
        return new Article(id, guid, title, link, published, updated, author, categories, summary, contentText,
                image, newLang, links);
    }
}
