package io.github.tldrbot.feed;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The private-address rule of {@code fetch.allowPrivateNetworks} (SPEC §4.1) for URLs the bot calls
 * that are not feeds: a WebSub hub named by a feed is as untrusted as the feed, so a feed must not
 * be able to make the bot POST to an address inside the operator's network.
 */
public final class HubAddresses {
    private final AddressPolicy policy;

    public HubAddresses(boolean allowPrivateNetworks) {
        this.policy = allowPrivateNetworks ? AddressPolicy.ALLOW_ALL : new PublicAddressPolicy();
    }

    /** @return why {@code url} must not be called (one phrase), or empty when it may */
    public Optional<String> refusal(URI url) {
        if (url.getHost() == null) {
            return Optional.of(url + " has no host");
        }
        try {
            return policy.refusal(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " cannot be resolved");
        }
    }
}
