package io.github.tldrbot.store;

/**
 * {@link StoreCopy} will not start: the target already holds data, a URL names the wrong kind of
 * database, or the two schemas do not match. Nothing was written to the target.
 */
public final class StoreCopyRefusedException extends DatabaseException {
    public StoreCopyRefusedException(String message) {
        super(message);
    }
}
