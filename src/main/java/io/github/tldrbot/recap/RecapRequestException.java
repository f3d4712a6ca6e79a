package io.github.tldrbot.recap;

/**
 * A recap request that cannot be answered as asked (unknown audience, a topic without words, a feed
 * the guild does not follow). The message is for the person who asked: what is wrong, what to do.
 */
public class RecapRequestException extends RuntimeException {
    public RecapRequestException(String message) {
        super(message);
    }
}
