package io.github.tldrbot.store;

/**
 * A storage operation failed. Unchecked so that callers outside {@code store/} never see
 * {@code java.sql}; the message says what failed, the cause keeps the driver's detail for logs.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
