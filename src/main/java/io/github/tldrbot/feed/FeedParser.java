package io.github.tldrbot.feed;

/**
 * TEMPORARY stub so the poll package compiles on this branch; the real Rome-based parser from the
 * feed branch replaces this file at merge.
 */
public class FeedParser {
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        throw new FeedParseException("FeedParser stub: the real parser replaces this class at merge");
    }
}
