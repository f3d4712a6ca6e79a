package io.github.tldrbot.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which URLs {@link HttpFeedFetcher} may request, and where a redirect points. Kept apart from the
 * HTTP exchange so the rules a user meets (scheme, host, private addresses, broken Location headers)
 * read in one place, with the messages that explain them.
 */
final class FetchTargets {

    private final AddressPolicy addressPolicy;

    FetchTargets(AddressPolicy addressPolicy) {
        this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
    }

    /**
     * The scheme, host and private-address rules for a URL about to be requested.
     *
     * @param from the URL that redirected here, or null for the first hop (only changes the wording)
     */
    URI checked(URI url, URI from) throws FetchFailure {
        String prefix = from == null ? "" : "redirect from " + from + " to ";
        if (!url.isAbsolute()) {
            throw new FetchFailure(FetchError.INVALID_URL,
                    prefix + "'" + url + "' is not an absolute URL; use an http:// or https:// address");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(FetchError.INVALID_URL, prefix + url + ": the " + scheme
                    + ": scheme is not supported; only http and https feeds can be fetched");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new FetchFailure(FetchError.INVALID_URL, prefix + url + " has no valid host name");
        }
        Optional<String> refusal;
        try {
            refusal = addressPolicy.refusal(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchFailure(FetchError.UNREACHABLE, prefix + url + ": unknown host " + url.getHost()
                    + "; check the URL");
        }
        if (refusal.isPresent()) {
            throw new FetchFailure(FetchError.PRIVATE_ADDRESS, prefix + url + " refused: " + refusal.get()
                    + "; set fetch.allowPrivateNetworks: true only for trusted setups");
        }
        return withoutFragment(url);
    }

    /**
     * The target of a 3xx response, resolved against the URL that sent it. Not yet checked: the caller
     * passes it through {@link #checked} like any URL.
     */
    static URI location(URI url, int status, HttpHeaders headers) throws FetchFailure {
        String location = headers.firstValue("Location").map(String::trim).orElse("");
        if (location.isEmpty()) {
            throw new FetchFailure(FetchError.TOO_MANY_REDIRECTS,
                    "HTTP " + status + " redirect from " + url + " has no Location header");
        }
        URI target;
        try {
            target = new URI(location);
        } catch (URISyntaxException e) {
            try {
                // Browsers accept spaces and raw non-ASCII in Location; so do we, encoded.
                target = new URI(percentEncodeIllegal(location));
            } catch (URISyntaxException again) {
                throw new FetchFailure(FetchError.TOO_MANY_REDIRECTS,
                        "redirect from " + url + " to an invalid Location '" + location + "'");
            }
        }
        // URI.resolve drops the slash when the base has an empty path ("http://host" + "a" -> "http://hosta").
        URI base = url.getRawPath() == null || url.getRawPath().isEmpty() ? url.resolve("/") : url;
        return base.resolve(target);
    }

    private static String percentEncodeIllegal(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String text = url.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

}
