package io.github.tldrbot.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes feed links absolute: an http(s) link is kept, a relative one is resolved against the first
 * usable http(s) base given (xml:base, entry or feed link, the URL the feed came from), and any
 * other scheme ({@code javascript:}, {@code data:}, {@code mailto:}) or an unparseable link gives
 * null, so nothing unsafe or unusable reaches a card. Stateless.
 */
final class LinkResolver {

    /** The absolute http(s) form of {@code href}, or null. Null bases are skipped. */
    String resolve(String href, String... bases) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String link = href.strip().replace(" ", "%20");
        URI uri = parse(link);
        if (uri == null) {
            return null;
        }
        if (uri.isAbsolute()) {
            return isHttp(uri) ? link : null;
        }
        for (String base : bases) {
            URI baseUri = base == null ? null : parse(base.strip().replace(" ", "%20"));
            if (baseUri != null && baseUri.isAbsolute() && isHttp(baseUri)) {
                try {
                    if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
                        baseUri = baseUri.resolve("/");
                    }
                    return baseUri.resolve(uri).toString();
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** True when the text is an absolute http(s) URL, i.e. usable as a base. */
    boolean isAbsoluteHttp(String url) {
        URI uri = url == null ? null : parse(url.strip());
        return uri != null && uri.isAbsolute() && isHttp(uri);
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }
}
