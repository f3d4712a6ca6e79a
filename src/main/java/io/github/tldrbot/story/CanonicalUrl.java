package io.github.tldrbot.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The form of a link under which two spellings of one page compare equal: no scheme, lower-case host
 * without {@code www.}/{@code m.}/{@code amp.}, no trailing slash, no fragment, and the query without
 * tracking parameters ({@code utm_*}, {@code fbclid}, ...), its remaining parameters sorted.
 */
final class CanonicalUrl {

    private CanonicalUrl() {
    }

    /** The canonical form, or empty when {@code url} is null or not an absolute http(s) link. */
    static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (host == null || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"www.", "m.", "amp."}) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/amp")) {
            path = path.substring(0, path.length() - 4);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p))
                .sorted()
                .collect(Collectors.joining("&"));
        return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** The host part of a canonical form. */
    static String host(String canonical) {
        int slash = canonical.indexOf('/');
        int q = canonical.indexOf('?');
        int end = slash < 0 ? (q < 0 ? canonical.length() : q) : (q < 0 ? slash : Math.min(slash, q));
        return canonical.substring(0, end);
    }

    /** Whether a canonical form is a site's front page (no path, no query): it says nothing about a story. */
    static boolean isFrontPage(String canonical) {
        return host(canonical).length() == canonical.length();
    }

    private static boolean isTracking(String param) {
        String name = param.toLowerCase(Locale.ROOT);
        int eq = name.indexOf('=');
        if (eq >= 0) {
            name = name.substring(0, eq);
        }
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("ref")
                || name.equals("cmpid") || name.equals("ocid") || name.equals("smid") || name.equals("mc_cid")
                || name.equals("mc_eid") || name.equals("source") || name.equals("feature");
    }
}
