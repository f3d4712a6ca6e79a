package io.github.tldrbot.poll;

import io.github.tldrbot.feed.FeedParseException;
import io.github.tldrbot.feed.FeedParser;
import io.github.tldrbot.feed.KnownEntries;
import io.github.tldrbot.feed.ParsedFeed;

/**
 * Turns fetched bytes into a {@link ParsedFeed}. Production passes {@link #skippingKnown} over a
 * {@link FeedParser}; tests pass documents they build, so the refresher is tested without XML.
 */
@FunctionalInterface
public interface FeedDocumentParser {
    ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException;

    /**
     * The document with the entries {@code held} holds left out of its articles (as {@link
     * ParsedFeed#known()}), when this parser can tell them before normalising; by default every entry
     * is an article, which the refresher handles the same way (the store skips what it holds).
     */
    default ParsedFeed parse(byte[] body, String contentType, String baseUrl, KnownEntries held)
            throws FeedParseException {
        return parse(body, contentType, baseUrl);
    }

    /** {@code parser}, normalising only the entries the poller's store does not hold for the feed. */
    static FeedDocumentParser skippingKnown(FeedParser parser) {
        return new FeedDocumentParser() {
            @Override
            public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
                return parser.parse(body, contentType, baseUrl);
            }

            @Override
            public ParsedFeed parse(byte[] body, String contentType, String baseUrl, KnownEntries held)
                    throws FeedParseException {
                return parser.parse(body, contentType, baseUrl, held);
            }
        };
    }
}
