package io.github.tldrbot.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses hosts that resolve to any non-public address, so a feed URL (or a redirect) cannot make
 * the bot probe its own machine or network: loopback, unspecified, site-local (10/8, 172.16/12,
 * 192.168/16), link-local (169.254/16, fe80::/10), carrier-grade NAT (100.64/10), "this network"
 * (0/8), broadcast, multicast and IPv6 unique-local (fc00::/7). A host is refused when ANY of its
 * addresses is such an address, because the HTTP client may connect to any of them.
 *
 * <p>Known limit (time-of-check/time-of-use): the HTTP client resolves the name again when it
 * connects. The JVM's address cache makes that normally the same answer, but a DNS server that
 * deliberately answers differently within the cache lifetime (DNS rebinding) is not stopped here;
 * doing so would need a resolver hooked into the HTTP client, which the JDK client does not offer.
 */
final class PublicAddressPolicy implements AddressPolicy {

    /** Name resolution, injectable so tests can map names to chosen addresses. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    PublicAddressPolicy() {
        this(InetAddress::getAllByName);
    }

    PublicAddressPolicy(Resolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Optional<String> refusal(String host) throws UnknownHostException {
        for (InetAddress address : resolver.resolve(host)) {
            Optional<String> kind = nonPublicKind(address);
            if (kind.isPresent()) {
                return Optional.of(address.getHostAddress() + " is a " + kind.get() + " address");
            }
        }
        return Optional.empty();
    }

    /** @return the kind of non-public address ("loopback", "private", ...) or empty for a public one */
    static Optional<String> nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("carrier-grade NAT");
            }
            if (first == 255 && (b[1] & b[2] & b[3] & 0xff) == 0xff) {
                return Optional.of("broadcast");
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
            Optional<InetAddress> embedded = embeddedIpv4((Inet6Address) address);
            if (embedded.isPresent()) {
                return nonPublicKind(embedded.get());
            }
        }
        return Optional.empty();
    }

    /**
     * IPv6 forms that carry an IPv4 address the traffic ends up at: IPv4-compatible (::a.b.c.d),
     * NAT64 (64:ff9b::/96) and 6to4 (2002:aabb:ccdd::/48). IPv4-mapped addresses need no case:
     * the JDK already turns them into {@link Inet4Address}.
     */
    private static Optional<InetAddress> embeddedIpv4(Inet6Address address) {
        byte[] b = address.getAddress();
        byte[] v4;
        if (address.isIPv4CompatibleAddress()) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
