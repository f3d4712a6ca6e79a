package io.github.tldrbot.feed;

import java.net.URI;

/** Reads a platform's web page with the production fetcher, for rules that need the page (YouTube handles). */
@FunctionalInterface
interface PlatformPages {
    /** The page's body; a page that cannot be read is a {@link PlatformUrlException} naming the platform address. */
    FetchResult.Ok read(URI page) throws PlatformUrlException;
}
