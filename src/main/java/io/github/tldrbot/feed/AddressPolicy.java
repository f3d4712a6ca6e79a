package io.github.tldrbot.feed;

import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides whether a host may be fetched (SPEC §4.1 private-address rule). Checked by
 * {@link HttpFeedFetcher} on the first URL and on every redirect hop. Package-private so tests can
 * substitute the name resolution without changing what production code does.
 */
interface AddressPolicy {

    /** Allows every host; used when {@code fetch.allowPrivateNetworks} is true. */
    AddressPolicy ALLOW_ALL = host -> Optional.empty();

    /**
     * @param host the host of a URL (a name, an IPv4 literal or a bracketed IPv6 literal)
     * @return why the host must not be fetched (one phrase, e.g. "127.0.0.1 is a loopback address"),
     *         or empty when it may be fetched
     * @throws UnknownHostException when the host name cannot be resolved
     */
    Optional<String> refusal(String host) throws UnknownHostException;
}
