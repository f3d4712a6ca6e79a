package io.github.tldrbot.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a feed address that will be subscribed without being fetched now (OPML import): an
 * absolute http(s) URL with a host, and — unless private networks are allowed — not a literal
 * private address or a local name. Names are not looked up here (a thousand DNS queries would make
 * an import slow, and a test must not leave 127.0.0.1); the fetcher checks every resolved address
 * again at each poll, so a name that points inside the network still fails there.
 */
public final class FeedAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private FeedAddress() {
    }

    /** @throws IllegalArgumentException with a one-line reason for the user */
    public static URI check(String typed, boolean allowPrivateNetworks) {
        String text = typed == null ? "" : typed.strip();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no valid host name");
        }
        if (!allowPrivateNetworks) {
            privateHost(url.getHost()).ifPresent(why -> {
                throw new IllegalArgumentException(url.getHost() + " is " + why + "; feeds on private or local networks are not allowed");
            });
        }
        return url;
    }

    private static Optional<String> privateHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".internal")) {
            return Optional.of("a local name");
        }
        if (!IPV4.matcher(name).matches() && !name.startsWith("[")) {
            return Optional.empty();
        }
        try {
            // a literal: no name lookup happens
            InetAddress address = InetAddress.getByName(name);
            return PublicAddressPolicy.nonPublicKind(address).map(kind -> "a " + kind + " address");
        } catch (UnknownHostException e) {
            return Optional.of("not a valid address");
        }
    }
}
