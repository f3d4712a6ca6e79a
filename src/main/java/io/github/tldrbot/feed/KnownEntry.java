package io.github.tldrbot.feed;

import java.time.Instant;

/**
 * An entry of a parsed document that the caller already held ({@link KnownEntries}), so it was not
 * normalised into an {@link Article}: only its id and dates, which the adaptive poll interval reads
 * for every entry of a document.
 *
 * @param id        the entry's id ({@link ArticleIdentity})
 * @param published as {@link Article#published()}
 * @param updated   as {@link Article#updated()}
 */
public record KnownEntry(String id, Instant published, Instant updated) {
}
