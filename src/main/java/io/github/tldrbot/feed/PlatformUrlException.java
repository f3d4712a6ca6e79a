package io.github.tldrbot.feed;

/** A platform address whose feed could not be found (its page did not load or names no feed); one line for the user. */
public final class PlatformUrlException extends Exception {
    public PlatformUrlException(String message) {
        super(message);
    }
}
