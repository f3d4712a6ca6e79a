package io.github.tldrbot.opml;

/**
 * A file that is not a usable OPML document. The message is one line for the user, starting
 * "not an OPML file: " and saying why (malformed XML, a DOCTYPE, too large, the wrong root).
 */
public final class OpmlException extends Exception {
    public OpmlException(String why) {
        super("not an OPML file: " + why);
    }
}
