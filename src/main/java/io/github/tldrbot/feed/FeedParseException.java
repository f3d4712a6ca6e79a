package io.github.tldrbot.feed;

/** The bytes are not a feed we can read. The message is one line a user can act on. */
public class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
