package io.github.tldrbot.feed;

import java.net.URI;
import java.util.Optional;

/** One platform's address patterns and the feed each maps to; see {@link PlatformUrls}. */
interface PlatformRule {
    /**
     * @param url   an absolute http(s) URL
     * @param host  its host, lower case, without a leading {@code www.}
     * @param pages reads a platform page when the feed's address is only found in it
     * @return the feed, or empty when the URL is not one of this platform's addresses
     */
    Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) throws PlatformUrlException;

    /** The path's non-empty segments, decoded. */
    static java.util.List<String> segments(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** A value of the query string, or null. */
    static String query(URI url, String name) {
        String query = url.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
