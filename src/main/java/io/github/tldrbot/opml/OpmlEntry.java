package io.github.tldrbot.opml;

/**
 * One feed of an OPML file: an {@code <outline>} with an {@code xmlUrl}.
 *
 * @param line     the line of the outline in the file (1-based; 0 when written, not read), so a
 *                 report can point at it
 * @param xmlUrl   the feed's address as written (stripped), never blank
 * @param title    {@code title}, else {@code text}, else null
 * @param htmlUrl  the site's address, or null
 * @param category the titles of the enclosing category outlines joined with " / ", or null at top level
 */
public record OpmlEntry(int line, String xmlUrl, String title, String htmlUrl, String category) {
}
