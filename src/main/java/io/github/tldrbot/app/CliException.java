package io.github.tldrbot.app;

/** Ends a command with an exit code and a one-line {@code error:} message for the user. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
