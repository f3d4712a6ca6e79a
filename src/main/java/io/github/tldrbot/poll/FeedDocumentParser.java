package io.github.tldrbot.poll;

import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.ParsedFeed;

/**
 * Turns fetched bytes into a {@link ParsedFeed}. Production passes {@code feedParser::parse}
 * ({@link io.github.tldrbot.feed.FeedParser}); tests pass documents they build, so the refresher is
 * tested without XML.
 */
@FunctionalInterface
public interface FeedDocumentParser {
    ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException;
}
