package io.github.tldrbot.feed;

/**
 * One link of an article's body.
 *
 * @param text the anchor text as plain text (may be empty)
 * @param href the absolute http(s) URL it points to
 */
public record ArticleLink(String text, String href) {
}
