package io.github.tldrbot.app;

/** The exit codes of SPEC §2; scripts rely on them. */
final class ExitCodes {
    static final int OK = 0;
    /** An unexpected failure (a bug); the message asks for --verbose. */
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int NOT_A_FEED = 4;

    private ExitCodes() {
    }
}
