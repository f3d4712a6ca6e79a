package io.github.tldrbot.feed;

/**
 * Internal short-cut out of a fetch: carries the {@link FetchError} and the one-line message that end
 * up in {@link FetchResult.Failed}. Never escapes {@link HttpFeedFetcher}; no stack trace is captured
 * because it is an expected outcome, not a bug.
 */
final class FetchFailure extends Exception {
    private final FetchError kind;

    FetchFailure(FetchError kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    FetchError kind() {
        return kind;
    }

    FetchResult.Failed toResult() {
        return new FetchResult.Failed(kind, getMessage());
    }
}
