package io.github.tldrbot.usecase;

/**
 * A use case declined its input: a duplicate, a limit reached, a filter that does not compile. The
 * message is meant for the person who asked, as is: one or two sentences that say what is wrong
 * and what to do. Nothing was changed (the use case's transaction rolled back).
 */
public class Refused extends Exception {
    public Refused(String message) {
        super(message);
    }
}
