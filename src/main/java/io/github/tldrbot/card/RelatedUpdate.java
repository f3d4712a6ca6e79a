package io.github.tldrbot.card;

/**
 * One recent story on a close topic that is not the card's own (SPEC §5.1 {@code relatedUpdates}).
 *
 * @param title the story's headline (its first article's title)
 * @param link  where to read it, or null
 */
public record RelatedUpdate(String title, String link) {
}
